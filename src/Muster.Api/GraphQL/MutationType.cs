using GraphQL.Types;

namespace Muster.Api.GraphQL;

/// <summary>
/// The mutation root: the mutations each capability registers (<see cref="RootFieldsRegistration.AddMutationFields"/>),
/// each taking one <c>input</c>. Every root field is
/// nullable: mutations run one after another, and one refused at execution (a partner acting for another agency)
/// must null only itself, never the answers of the mutations before it that committed.
/// </summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<RootFields> fields)
    {
        Name = "Mutation";
        this.AddFields(Root.Mutation, fields);
        foreach (var field in Fields)
        {
            if (field.Type is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>))
            {
                field.Type = type.GetGenericArguments()[0];
            }
        }
    }
}
