using System.Net.Sockets;
using Npgsql;

namespace Muster.Infrastructure;

/// <summary>
/// Whether an exception says the database cannot be reached right now (connection refused or dropped, the server
/// shutting down or starting up): an ordinary situation a client retries, never an internal error.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // 08…: connection exceptions; 57P01–57P03: admin or crash shutdown, cannot connect now.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is "57P01" or "57P02" or "57P03";
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case EndOfStreamException:
                    return true;
            }
        }

        return false;
    }
}
