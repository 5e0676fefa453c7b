using Marten;

namespace Muster.Drills;

/// <summary>Stamps every event written in a drill's world with the drill's id (header <see cref="Header"/>).</summary>
public sealed class DrillEventStamp(Guid drillId) : DocumentSessionListenerBase
{
    public const string Header = "drill-id";

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        foreach (var stream in session.PendingChanges.Streams())
        {
            foreach (var e in stream.Events)
            {
                e.SetHeader(Header, drillId.ToString());
            }
        }

        return Task.CompletedTask;
    }
}
