namespace Loyalty.Core.Members;

/// <summary>
/// The read side notifications need (e.g. pre-expiry SMS reminders): null for a member that does not exist, was erased
/// or merged into another account (it has nobody to reach). A member who opted out has <c>SmsAllowed = false</c>.
/// </summary>
public interface IMemberContacts
{
    Task<MemberContact?> GetAsync(string tenantId, string memberId, CancellationToken cancellationToken);
}
