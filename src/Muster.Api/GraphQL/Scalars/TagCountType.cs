using GraphQL.Types;

namespace Muster.Api.GraphQL.Scalars;

/// <summary>A tag (capability, specialty) in use and how many carry it.</summary>
public sealed record TagCount(string Tag, int Count);

public sealed class TagCountType : ObjectGraphType<TagCount>
{
    public TagCountType()
    {
        Name = "TagCount";
        Field<NonNullGraphType<StringGraphType>>("tag").Resolve(c => c.Source.Tag);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
