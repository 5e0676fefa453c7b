namespace Muster.Api.Interop.Edxl;

public static class EdxlModule
{
    public static IEndpointRouteBuilder MapEdxlRm(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(EdxlEndpoint.Path, EdxlEndpoint.PostAsync);
        endpoints.MapGet(EdxlEndpoint.Path + "/supply-requests/{id}/commit", EdxlEndpoint.CommitAsync);
        endpoints.MapGet(EdxlEndpoint.Path + "/supply-requests/{id}/response", EdxlEndpoint.ResponseAsync);
        return endpoints;
    }
}
