using Conscent.Sdk.Http;

namespace Conscent.Sdk.Users;

/// <summary>Reader details: a reader's account with their subscriptions or purchases.</summary>
public class UsersClient : IUsersClient
{
    private readonly ConscentHttpPipeline _pipeline;

    internal UsersClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected UsersClient() => _pipeline = null!;
}
