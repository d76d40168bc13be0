extern alias QuickstartSample;
using System.Threading.Tasks;
using QuickstartSample::Conscent.Samples.Quickstart;

namespace PublisherBackend.Tests;

/// <summary>The Quickstart's twelve steps against the simulator, so a change in the SDK that breaks it fails CI.</summary>
public sealed class QuickstartTests
{
    [Fact]
    public async Task Simulator_tour_completes_every_step()
    {
        var completed = await SimulatorTour.RunAsync(new StepRunner(SimulatorTour.StepCount));

        completed.Should().BeTrue("every Quickstart step should succeed against the simulator (see the test output for the failing step)");
    }
}
