using System.Net.Sockets;
using Azure.Data.Tables;
using Loyalty.Testing;

namespace Loyalty.Infrastructure.Tests.Support;

/// <summary>The Azurite the test fixture starts when no LOYALTY_TEST_STORAGE is given (an IDE run): scripts/test.sh never uses it.</summary>
public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task Ports_are_read_from_what_each_service_reports_once_it_listens()
    {
        var ports = new AzuritePorts();

        ports.Add("Azurite Blob service is starting at http://127.0.0.1:0");
        ports.Add("Azurite Blob service is successfully listening at http://127.0.0.1:41427");
        ports.Add("Azurite Queue service is successfully listening at http://127.0.0.1:40001");
        ports.Add(null);
        var beforeTable = ports.All.IsCompleted;
        ports.Add("Azurite Table service is successfully listening at http://127.0.0.1:35555");

        Assert.False(beforeTable);
        Assert.Equal((41427, 40001, 35555), await ports.All);
    }

    [Fact]
    public async Task Azurite_started_on_ports_it_picks_itself_serves_tables_until_disposed()
    {
        var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find());
        var tables = new TableServiceClient(azurite.ConnectionString);
        var tableUri = tables.Uri;
        try
        {
            var table = tables.GetTableClient("azuriteprocess" + Guid.NewGuid().ToString("N")[..8]);
            await table.CreateAsync();
            await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 7 });

            Assert.Equal(7, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("Value"));
        }
        finally
        {
            await azurite.DisposeAsync();
        }

        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(tableUri.Host, tableUri.Port));
    }
}
