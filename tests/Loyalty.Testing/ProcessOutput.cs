using System.Diagnostics;
using System.Text;

namespace Loyalty.Testing;

/// <summary>Collects a child process's stdout and stderr lines for error messages.</summary>
internal sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    public void Add(object? sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
            return;
        lock (_text)
            _text.AppendLine(e.Data);
    }

    public override string ToString()
    {
        lock (_text)
            return _text.ToString();
    }
}
