using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Conscent.Sdk.Tests.Infrastructure;

/// <summary>
/// Records the SDK's spans and metric measurements (source and meter "Conscent.Sdk") while it lives. Listeners are
/// process-wide, so a class using it belongs to the <c>ProcessWideListeners</c> collection (no parallel neighbours).
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;

    public TelemetryCapture()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Conscent.Sdk",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => Activities.Enqueue(a),
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Conscent.Sdk") listener.EnableMeasurementEvents(instrument);
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((i, v, tags, _) => Measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        _meterListener.SetMeasurementEventCallback<long>((i, v, tags, _) => Measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        _meterListener.Start();
    }

    /// <summary>Every span the SDK stopped.</summary>
    public ConcurrentQueue<Activity> Activities { get; } = new();

    /// <summary>Every measurement: instrument name, value and tags.</summary>
    public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    /// <summary>Reads the observable instruments now (the others report as they are used).</summary>
    public void RecordObservableInstruments() => _meterListener.RecordObservableInstruments();

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var d = new Dictionary<string, object?>();
        foreach (var t in tags) d[t.Key] = t.Value;
        return d;
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }
}
