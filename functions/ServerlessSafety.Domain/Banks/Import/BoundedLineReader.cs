using System.Text;

namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>Reads lines of at most a given length, so one runaway line cannot take the import's memory.</summary>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly int _maxLength;
    private readonly char[] _buffer = new char[4096];
    private readonly StringBuilder _line = new();
    private int _length;
    private int _position;

    public BoundedLineReader(TextReader reader, int maxLength)
    {
        _reader = reader;
        _maxLength = maxLength;
    }

    /// <summary>The next line without its terminator, or null at the end; <c>TooLong</c> when it was cut.</summary>
    public async Task<(string Text, bool TooLong)?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
                _position = 0;
                if (_length == 0)
                {
                    return any ? (_line.ToString(), tooLong) : null;
                }
            }

            any = true;
            var c = _buffer[_position++];
            if (c == '\n')
            {
                return (TrimCarriageReturn(), tooLong);
            }

            if (_line.Length < _maxLength)
            {
                _line.Append(c);
            }
            else if (c != '\r')
            {
                tooLong = true;
            }
        }
    }

    private string TrimCarriageReturn()
    {
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        return _line.ToString();
    }
}
