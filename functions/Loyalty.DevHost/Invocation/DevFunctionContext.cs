using System.Collections.Immutable;
using Loyalty.DevHost.Discovery;
using Microsoft.Azure.Functions.Worker;

namespace Loyalty.DevHost.Invocation;

/// <summary>The <see cref="FunctionContext"/> a function gets from the dev host: services, logger, items and binding data.</summary>
public sealed class DevFunctionContext(FunctionDescriptor function, IServiceProvider services, IReadOnlyDictionary<string, object?> bindingData, int retryCount, CancellationToken cancellationToken)
    : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext { get; } = new DevTraceContext();

    public override BindingContext BindingContext { get; } = new DevBindingContext(bindingData);

    public override RetryContext RetryContext { get; } = new DevRetryContext(retryCount);

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition { get; } = new DevFunctionDefinition(function);

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new DevInvocationFeatures();

    public override CancellationToken CancellationToken => cancellationToken;

    private sealed class DevTraceContext : TraceContext
    {
        public override string TraceParent => string.Empty;

        public override string TraceState => string.Empty;
    }

    private sealed class DevBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }

    private sealed class DevRetryContext(int retryCount) : RetryContext
    {
        public override int RetryCount => retryCount;

        public override int MaxRetryCount => 0;
    }

    private sealed class DevInvocationFeatures : IInvocationFeatures
    {
        private readonly Dictionary<Type, object?> _features = [];

        public void Set<T>(T instance) => _features[typeof(T)] = instance;

        public T Get<T>() => _features.TryGetValue(typeof(T), out var value) ? (T)value! : default!;

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() =>
            _features.Where(f => f.Value is not null).Select(f => new KeyValuePair<Type, object>(f.Key, f.Value!)).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class DevFunctionDefinition(FunctionDescriptor function) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters { get; } =
            [.. function.Method.GetParameters().Select(p => new FunctionParameter(p.Name!, p.ParameterType))];

        public override string PathToAssembly => function.Method.DeclaringType!.Assembly.Location;

        public override string EntryPoint => function.EntryPoint;

        public override string Id => function.Name;

        public override string Name => function.Name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
