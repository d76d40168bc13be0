using System;
using System.Collections.Generic;

namespace Conscent.Sdk.Testing;

public static partial class ConscentModelFactory
{
    /// <summary>A story as the deprecated story API returns it.</summary>
    /// <param name="storyId">Your id for the story.</param>
    /// <param name="title">The title.</param>
    /// <param name="price">The price in INR (one of <see cref="StoryPrices.Allowed"/>).</param>
    /// <param name="url">Where the story lives.</param>
    /// <param name="duration">How long a buyer keeps access.</param>
    /// <param name="authorId">The author's id.</param>
    /// <param name="authorName">The author's name.</param>
    /// <param name="priceOverrides">Per-country prices.</param>
    public static Story Story(
        string? storyId = "story-1",
        string? title = "Example story",
        decimal? price = 1m,
        string? url = "https://publisher.example/story-1",
        decimal? duration = 1m,
        string? authorId = null,
        string? authorName = null,
        PriceOverrides? priceOverrides = null) => new()
    {
        StoryId = storyId,
        Title = title,
        Price = price,
        Url = url,
        Duration = duration,
        AuthorId = authorId,
        AuthorName = authorName,
        PriceOverrides = priceOverrides,
    };

    /// <summary>The answer to story create.</summary>
    /// <param name="story">The registered story (<see cref="Story"/>'s defaults when null).</param>
    /// <param name="message">ConsCent's message.</param>
    public static CreateStoryResponse CreateStoryResponse(Story? story = null, string? message = "New Story Created!") =>
        new() { Message = message, Story = story ?? Story() };

    /// <summary>The answer to story edit.</summary>
    /// <param name="editedStory">The story after the edit (<see cref="Story"/>'s defaults when null).</param>
    /// <param name="message">ConsCent's message.</param>
    public static EditStoryResponse EditStoryResponse(Story? editedStory = null, string? message = "Story Edited Successfully") =>
        new() { Message = message, EditedStory = editedStory ?? Story() };


    /// <summary>A confirmed story read (story read validation).</summary>
    /// <param name="readId">The read id.</param>
    /// <param name="storyId">Your story id in the payload.</param>
    /// <param name="clientId">Your client id in the payload.</param>
    /// <param name="createdAt">When the read happened (left out when null).</param>
    /// <param name="message">ConsCent's message.</param>
    /// <param name="signature">ConsCent's signature.</param>
    public static StoryReadValidation StoryReadValidation(
        string? readId = "read-1", string? storyId = "story-1", string? clientId = "client-1", DateTimeOffset? createdAt = null,
        string? message = "Story Read Confirmed", string? signature = "signature") => new()
    {
        Message = message,
        Payload = StoryReadPayload(clientId, storyId, createdAt),
        ReadId = readId,
        Signature = signature,
    };

    /// <summary>The details of a story read.</summary>
    /// <param name="clientId">Your client id.</param>
    /// <param name="storyId">Your story id.</param>
    /// <param name="createdAt">When the read happened (left out when null).</param>
    public static StoryReadPayload StoryReadPayload(string? clientId = "client-1", string? storyId = "story-1", DateTimeOffset? createdAt = null) =>
        new() { ClientId = clientId, StoryId = storyId, CreatedAt = createdAt };

    /// <summary>The story API's daily stats.</summary>
    /// <param name="totalStoriesRead">Stories read in the range.</param>
    /// <param name="totalRevenueGenerated">Revenue in the range.</param>
    /// <param name="totalContentConsumed">The current API's count for the same path (null by default).</param>
    public static StoryDailyStats StoryDailyStats(long? totalStoriesRead = 1, decimal? totalRevenueGenerated = 1m, long? totalContentConsumed = null) =>
        new() { TotalStoriesRead = totalStoriesRead, TotalRevenueGenerated = totalRevenueGenerated, TotalContentConsumed = totalContentConsumed };
}
