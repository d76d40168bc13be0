using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Conscent.Sdk.Tests.Infrastructure;

public class MockServerTests
{
    [Fact]
    public async Task Mock_server_listens_on_the_IPv4_loopback_only()
    {
        using var mock = new MockServer();
        var port = mock.BaseAddress.Port;

        using (var loopback = new TcpClient())
        {
            await loopback.ConnectAsync(IPAddress.Loopback, port);
            loopback.Connected.Should().BeTrue();
        }

        var external = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (external is null) return; // No other interface on this machine: nothing else to reach.

        using var other = new TcpClient();
        var connect = async () => await other.ConnectAsync(external, port);
        await connect.Should().ThrowAsync<SocketException>();
    }
}
