using System.Text.Json;
using System.Text.Json.Serialization;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Invocation;

namespace Helpdesk.Runtime.Messaging;

/// <summary>Writes a grain reference as its identity and reads it back as a reference on this silo.</summary>
internal sealed class GrainReferenceConverter(GrainRuntime runtime) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsInterface && typeof(IGrain).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Reference<>).MakeGenericType(typeToConvert), runtime)!;

    private sealed class Reference<TGrain>(GrainRuntime runtime) : JsonConverter<TGrain>
        where TGrain : IGrain
    {
        public override TGrain Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var id = JsonSerializer.Deserialize<GrainId>(ref reader, options);
            return runtime.Get<TGrain>(id);
        }

        public override void Write(Utf8JsonWriter writer, TGrain value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, ((GrainProxy)(object)value).GrainId, options);
    }
}
