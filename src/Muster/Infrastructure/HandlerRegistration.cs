using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Muster.Infrastructure;

public static class HandlerRegistration
{
    /// <summary>
    /// Registers, scoped, every command handler of the capability whose module is <paramref name="module"/>: the
    /// public classes named <c>…Handler</c> in the module's namespace and below (<c>Muster.Units.ChangingStatus</c>
    /// under <c>Muster.Units</c>). A new slice's handler is found without a line in the module.
    /// </summary>
    public static IServiceCollection AddHandlers(this IServiceCollection services, Type module)
    {
        var capability = module.Namespace!;
        var handlers = module.Assembly.GetExportedTypes().Where(type =>
            type is { IsClass: true, IsAbstract: false }
            && type.Name.EndsWith("Handler", StringComparison.Ordinal)
            && (type.Namespace == capability || type.Namespace?.StartsWith(capability + ".", StringComparison.Ordinal) == true));
        foreach (var handler in handlers)
        {
            services.TryAddScoped(handler);
        }

        return services;
    }
}
