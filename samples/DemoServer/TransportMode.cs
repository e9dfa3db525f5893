using System.Text.Json.Serialization;

namespace McpClientGen.DemoServer;

/// <summary>How a trip travels between stops; published in tool schemas as a string enum of lowercase names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TransportMode>))]
internal enum TransportMode
{
    [JsonStringEnumMemberName("train")]
    Train,

    [JsonStringEnumMemberName("bus")]
    Bus,

    [JsonStringEnumMemberName("car")]
    Car,

    [JsonStringEnumMemberName("plane")]
    Plane,
}
