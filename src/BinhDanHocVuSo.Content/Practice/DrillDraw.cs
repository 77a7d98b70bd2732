using System.Security.Cryptography;
using System.Text;

namespace BinhDanHocVuSo.Content.Practice;

/// <summary>
/// The messages of one drill run, drawn from the bank with a seed that only the server can make (an HMAC under its key,
/// as for quiz draws): the same seed gives the same run, so the answers can be graded on the messages the run showed.
/// A run shows at least <see cref="DrillReader.MinimumOfEachVerdict"/> safe and as many scam messages (when the draw
/// allows), and no two messages of one theme while another theme is left.
/// </summary>
public sealed class DrillDraw
{
    private DrillDraw(Drill drill, IReadOnlyList<DrillMessage> messages) => (Drill, Messages) = (drill, messages);

    /// <summary>The drill.</summary>
    public Drill Drill { get; }

    /// <summary>The messages in the order shown.</summary>
    public IReadOnlyList<DrillMessage> Messages { get; }

    /// <summary>Draws <see cref="Drill.Draw"/> messages of <paramref name="bank"/> from <paramref name="seed"/> (at least 16 bytes).</summary>
    public static DrillDraw Make(Drill drill, DrillBank bank, ReadOnlySpan<byte> seed)
    {
        if (seed.Length < 16)
        {
            throw new ArgumentException("A drill draw needs a seed of at least 16 bytes.", nameof(seed));
        }

        var key = seed.ToArray();
        var shuffled = bank.Messages.OrderBy(m => Rank(key, "pick", m.Id)).ToList();
        var count = Math.Min(drill.Draw, bank.Messages.Count);
        var each = count >= 2 * DrillReader.MinimumOfEachVerdict ? DrillReader.MinimumOfEachVerdict : 0;
        var chosen = new List<DrillMessage>();
        var themes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var isScam in new[] { true, false })
        {
            foreach (var message in shuffled.Where(m => m.IsScam == isScam && !chosen.Contains(m)).OrderBy(m => themes.Contains(m.Theme)).Take(each))
            {
                Take(message);
            }
        }

        while (chosen.Count < count)
        {
            // A theme not shown yet first; the shuffled order decides among equals.
            Take(shuffled.Where(m => !chosen.Contains(m)).OrderBy(m => themes.Contains(m.Theme)).First());
        }

        return new DrillDraw(drill, [.. chosen.OrderBy(m => Rank(key, "show", m.Id))]);

        void Take(DrillMessage message)
        {
            chosen.Add(message);
            themes.Add(message.Theme);
        }
    }

    /// <summary>
    /// Grades the learner's sorting: <paramref name="answers"/> holds one letter per message shown, in order,
    /// "s" for "Lừa đảo" (scam) and "a" for "An toàn" (safe). Null when it is not an answer to this run.
    /// </summary>
    public DrillGrade? Grade(string? answers)
    {
        if (answers is null || answers.Length > Messages.Count || answers.Any(c => c is not (Scam or Safe)))
        {
            return null;
        }

        var right = answers.Select((answer, i) => (answer == Scam) == Messages[i].IsScam).ToList();
        return new DrillGrade(right, right.Count(r => r), answers.Length == Messages.Count, right.Count(r => r) >= Drill.Pass);
    }

    /// <summary>The letter for "Lừa đảo".</summary>
    public const char Scam = 's';

    /// <summary>The letter for "An toàn".</summary>
    public const char Safe = 'a';

    private static ulong Rank(byte[] key, string purpose, string id) =>
        BitConverter.ToUInt64(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{purpose}/{id}")), 0);
}

/// <summary>How a drill run went so far.</summary>
/// <param name="Right">For each message answered, in order, whether it was sorted right.</param>
/// <param name="RightCount">How many were sorted right.</param>
/// <param name="Finished">Whether every message of the run was answered.</param>
/// <param name="Passed">Whether at least the drill's <c>pass</c> were sorted right (final only when <paramref name="Finished"/>).</param>
public sealed record DrillGrade(IReadOnlyList<bool> Right, int RightCount, bool Finished, bool Passed);
