using Loyalty.Core.Common;
using Loyalty.Core.Members;

namespace Loyalty.Core.Activities;

/// <summary>The bounds of a grant to one member or a list (<c>POST /api/v1/grants</c>).</summary>
public static class GrantBounds
{
    public const int MaxMembers = 500;

    public static readonly Bound Points = new(1, AdjustmentBounds.MaxDelta);

    public static readonly Bound MemberIds = new(1, MaxMembers);
}
