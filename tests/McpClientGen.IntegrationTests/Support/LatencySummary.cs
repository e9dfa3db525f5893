using System.Globalization;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>Percentiles of call latencies, for the test output only: nothing asserts on them.</summary>
internal sealed class LatencySummary(IReadOnlyCollection<double> milliseconds)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double Percentile(double p) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"n={Count} p50={Percentile(50):F2} ms p90={Percentile(90):F2} ms p99={Percentile(99):F2} ms p99.9={Percentile(99.9):F2} ms max={Percentile(100):F2} ms");
}
