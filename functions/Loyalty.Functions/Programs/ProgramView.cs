using Loyalty.Core.Programs;

namespace Loyalty.Functions.Programs;

/// <summary>A version of the tenant's program: its rules and who saved them when.</summary>
public sealed record ProgramView(int Version, DateTimeOffset UpdatedAt, string? UpdatedBy, ProgramRules Rules)
{
    public static ProgramView From(LoyaltyProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new(program.Version, program.UpdatedAt, program.UpdatedBy, program.Rules);
    }
}
