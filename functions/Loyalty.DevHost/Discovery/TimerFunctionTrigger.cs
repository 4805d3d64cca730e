using System.Reflection;

namespace Loyalty.DevHost.Discovery;

/// <param name="Schedule">As written on the attribute: an NCRONTAB expression, a TimeSpan, or a <c>%Setting%</c>.</param>
public sealed record TimerFunctionTrigger(ParameterInfo Parameter, string Schedule, bool RunOnStartup) : FunctionTrigger(Parameter)
{
    public override string BindingType => "timerTrigger";
}
