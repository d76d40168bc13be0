using System;
using Conscent.Sdk.Http;

namespace Conscent.Sdk.Stories;

/// <summary>The deprecated "story" API (ConsCent's older docs). Use <see cref="Content.ContentClient"/> instead.</summary>
[Obsolete("The story API is deprecated by ConsCent. Use IConscentClient.Content (and Stats) instead.")]
public class StoriesClient : IStoriesClient
{
    private readonly ConscentHttpPipeline _pipeline;

    internal StoriesClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected StoriesClient() => _pipeline = null!;
}
