namespace Conscent.Sdk.Users;

/// <summary>Reader details: a reader's account with their subscriptions or purchases.</summary>
public interface IUsersClient
{
}
