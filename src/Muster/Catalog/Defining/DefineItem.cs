using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;

namespace Muster.Catalog.Defining;

public sealed record DefineItem(
    string Code, string Name, string? NameEn, string Unit, int PackSize, string? Category, int? ShelfLifeDays);

public static class DefineItemDecision
{
    public const int MaxNameLength = 100;
    public const int MaxUnitLength = 20;
    public const int MaxCategoryLength = 100;

    /// <summary>Every fault of the definition at once, or the item defined; a code already defined is a conflict.</summary>
    public static Result<ItemDefined> Decide(DefineItem command, bool alreadyDefined)
    {
        var name = command.Name.Trim();
        var nameEn = Blank(command.NameEn);
        var unit = command.Unit.Trim();
        var category = Blank(command.Category);
        var errors = new List<DomainError>();
        errors.AddRange(Check(ItemCode.Check(command.Code)));
        errors.AddRange(Check(Text(name, "name", MaxNameLength)));
        errors.AddRange(Check(nameEn is null ? null : Text(nameEn, "nameEn", MaxNameLength)));
        errors.AddRange(Check(Text(unit, "unit", MaxUnitLength)));
        errors.AddRange(Check(category is null ? null : Text(category, "category", MaxCategoryLength)));
        if (command.PackSize < 1)
        {
            errors.Add(DomainError.Validation($"packSize must be at least 1, got {command.PackSize}", "packSize"));
        }

        if (command.ShelfLifeDays is < 1)
        {
            errors.Add(DomainError.Validation($"shelfLifeDays must be at least 1 when given, got {command.ShelfLifeDays}", "shelfLifeDays"));
        }

        if (errors.Count > 0)
        {
            return Result<ItemDefined>.Fail(errors);
        }

        if (alreadyDefined)
        {
            return DomainError.Conflict($"item {command.Code} is already defined", "code");
        }

        return new ItemDefined(
            ItemCode.StreamId(command.Code), command.Code, name, nameEn, unit, command.PackSize, category, command.ShelfLifeDays);
    }

    private static DomainError? Text(string value, string field, int maxLength) =>
        TextRules.Name(value, field, maxLength).Errors is [var error, ..] ? error : null;

    private static IEnumerable<DomainError> Check(DomainError? error) => error is null ? [] : [error];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class DefineItemHandler(EventWriter writer)
{
    public Task<Result<Item>> Handle(DefineItem command, CancellationToken ct) =>
        writer.StartAsync<Item, ItemDefined>(
            async (session, _, token) => DefineItemDecision.Decide(
                command, alreadyDefined: await session.Events.FetchStreamStateAsync(ItemCode.StreamId(command.Code), token) is not null),
            defined => defined.ItemId,
            DomainError.Conflict($"item {command.Code} was defined meanwhile", "code"), ct);
}
