using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace BinhDanHocVuSo.Content.FrontMatter;

/// <summary>Loads YAML and, when it is invalid, says on which line, in words an author can act on.</summary>
internal static class YamlReader
{
    /// <summary>Loads the first document's root node, or reports the error at its line (shifted by <paramref name="lineOffset"/>).</summary>
    public static YamlNode? Load(string yaml, ErrorList errors, int lineOffset, string what)
    {
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            errors.Add(lineOffset + (int)Math.Max(1, e.Start.Line), $"{what} is not valid YAML ({Describe(e)}): check the indentation and the \":\" after each name; a value containing \": \" must be in quotes, e.g. title: \"Bài học: phần một\"");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet sometimes fails without a position (e.g. an unclosed "["): the last event it read is the best hint.
            errors.Add(lineOffset + Math.Max(1, parser.LastLine), $"{what} is not valid YAML near this line: check that every \"[\", \"{{\" and quote is closed");
        }

        return null;
    }

    private static string Describe(YamlException e)
    {
        var message = e.InnerException?.Message is { Length: > 0 } inner ? inner : e.Message;
        return message.TrimEnd('.');
    }

    private sealed class TrackingParser(IParser inner) : IParser
    {
        public int LastLine { get; private set; }

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastLine = (int)current.End.Line;
            }

            return moved;
        }
    }
}
