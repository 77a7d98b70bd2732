using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>
/// What one attempt at a quiz shows: which questions (all of them, or <see cref="Quiz.Draw"/> drawn from the bank,
/// one per objective where possible), in which order, and in which order each question's options or steps appear.
/// Made from a seed only, so the server makes the same draw again from the same seed when the answers come back;
/// the web layer derives the seed from a secret key and the attempt's draw id (never from anything the learner
/// could compute). The grade never depends on the order shown: answers name options and steps by their ids.
/// </summary>
public sealed class QuizDraw
{
    /// <summary>Bytes of seed a draw reads (an HMAC-SHA256).</summary>
    public const int SeedLength = 32;

    const string True = "Đúng";

    HashSet<string>? _ids;

    QuizDraw(Quiz quiz, IReadOnlyList<DrawnQuestion> questions)
    {
        Quiz = quiz;
        Questions = questions;
    }

    /// <summary>The quiz drawn from.</summary>
    public Quiz Quiz { get; }

    /// <summary>The questions shown, in the order shown.</summary>
    public IReadOnlyList<DrawnQuestion> Questions { get; }

    /// <summary>Ids of the questions shown.</summary>
    public IReadOnlySet<string> QuestionIds => _ids ??= Questions.Select(q => q.Question.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the attempt showed this question.</summary>
    public bool Shows(string questionId) => QuestionIds.Contains(questionId);

    /// <summary>
    /// Draws an attempt from <paramref name="seed"/> (at least <see cref="SeedLength"/> bytes). The questions are
    /// taken round by round over the objectives in a shuffled order (a shuffled question of each objective, then a
    /// second one of each…) until <see cref="Quiz.ShownCount"/> are taken, so a draw covers as many objectives as it
    /// can; the questions taken are then shown in a shuffled order. Options are shuffled; true/false questions always
    /// show "Đúng" first (the answer is the word, not its place, and a fixed place is easier to read); the steps of an
    /// order question are shuffled but never shown in the right order.
    /// </summary>
    public static QuizDraw Make(Quiz quiz, ReadOnlySpan<byte> seed)
    {
        var random = new SeededRandom(seed);
        var objectives = ObjectivesOf(quiz);
        random.Shuffle(objectives);
        foreach (var questions in objectives)
        {
            random.Shuffle(questions);
        }

        var count = Math.Min(quiz.ShownCount, quiz.Questions.Count);
        var taken = new Question[count];
        var n = 0;
        for (var round = 0; n < count; round++)
        {
            foreach (var questions in objectives)
            {
                if (round < questions.Length && n < count)
                {
                    taken[n++] = questions[round];
                }
            }
        }

        random.Shuffle(taken);
        var drawn = new DrawnQuestion[count];
        for (var i = 0; i < count; i++)
        {
            drawn[i] = new DrawnQuestion(taken[i], Order(taken[i], ref random), Aliases(taken[i], ref random));
        }

        return new QuizDraw(quiz, drawn);
    }

    // The questions of each objective, grouped once per quiz; each draw shuffles its own copy.
    static readonly ConditionalWeakTable<Quiz, Question[][]> Objectives = new();

    static Question[][] ObjectivesOf(Quiz quiz)
    {
        var kept = Objectives.GetValue(quiz, q => [.. q.Questions.GroupBy(x => x.Objective, StringComparer.Ordinal).Select(g => g.ToArray())]);
        var copy = new Question[kept.Length][];
        for (var i = 0; i < kept.Length; i++)
        {
            copy[i] = (Question[])kept[i].Clone();
        }

        return copy;
    }

    /// <summary>
    /// The answers with every option named by its id: a value that is one of this draw's aliases becomes the option's
    /// id; anything else is left as it is (an option id sent as it is, or a value the grader will refuse).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ToOptionIds(IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        var byId = Questions.ToDictionary(q => q.Question.Id, StringComparer.Ordinal);
        var mapped = new Dictionary<string, IReadOnlyList<string>>(answers.Count, StringComparer.Ordinal);
        foreach (var (questionId, values) in answers)
        {
            mapped[questionId] = byId.TryGetValue(questionId, out var drawn) && drawn.Aliases.Count > 0
                ? [.. values.Select(drawn.OptionId)]
                : values;
        }

        return mapped;
    }

    /// <summary>
    /// What the page calls each option (by authored index): six hex digits drawn with the order, so that the form's
    /// values say nothing about where the author wrote an option (the ids "a", "b"… would). Empty for order questions,
    /// whose step ids are already hashes of their text.
    /// </summary>
    static string[] Aliases(Question question, ref SeededRandom random)
    {
        if (question.Kind == QuestionKind.Order)
        {
            return [];
        }

        var aliases = new string[question.Options.Count];
        for (var i = 0; i < aliases.Length; i++)
        {
            do
            {
                aliases[i] = (random.Next() >> 40).ToString("x6", System.Globalization.CultureInfo.InvariantCulture);
            }
            while (Array.IndexOf(aliases, aliases[i], 0, i) >= 0);
        }

        return aliases;
    }

    /// <summary>
    /// Every question and option in authored order (the steps of order questions in <see cref="QuizHtml.DisplayOrder"/>):
    /// the form the Markdown renders, which pages never show as it is.
    /// </summary>
    public static QuizDraw AsAuthored(Quiz quiz) =>
        new(quiz, [.. quiz.Questions.Select(q => q.Kind == QuestionKind.Order
            ? new DrawnQuestion(q, [.. QuizHtml.DisplayOrder(q).Select(step => IndexOf(q.Steps, step))], [])
            : new DrawnQuestion(q, [.. Enumerable.Range(0, q.Options.Count)], [.. q.Options.Select(o => o.Id)]))]);

    static int IndexOf(IReadOnlyList<OrderStep> steps, OrderStep step)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (ReferenceEquals(steps[i], step))
            {
                return i;
            }
        }

        throw new ArgumentException($"step '{step.Id}' is not one of these steps", nameof(step));
    }

    static int[] Order(Question question, ref SeededRandom random)
    {
        if (question.Kind == QuestionKind.TrueFalse)
        {
            return question.Options[0].TextHtml == True ? [0, 1] : [1, 0];
        }

        var count = question.Kind == QuestionKind.Order ? question.Steps.Count : question.Options.Count;
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        if (question.Kind == QuestionKind.Order && count >= 2 && IsIdentity(order))
        {
            // Steps are written in the right order: showing them so would give the answer away. Rotate by one.
            for (var i = 0; i < count; i++)
            {
                order[i] = (i + 1) % count;
            }
        }

        return order;
    }

    static bool IsIdentity(int[] order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            if (order[i] != i)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// xoshiro256** seeded with the 256 bits of the seed: fast, uniform and reproducible. Its output is not secret on
    /// its own; what keeps a draw from being foreseen is that the seed is an HMAC under the server's key.
    /// </summary>
    struct SeededRandom
    {
        ulong _s0, _s1, _s2, _s3;

        public SeededRandom(ReadOnlySpan<byte> seed)
        {
            if (seed.Length < SeedLength)
            {
                throw new ArgumentException($"A draw needs a seed of {SeedLength} bytes, not {seed.Length}.", nameof(seed));
            }

            _s0 = BinaryPrimitives.ReadUInt64LittleEndian(seed);
            _s1 = BinaryPrimitives.ReadUInt64LittleEndian(seed[8..]);
            _s2 = BinaryPrimitives.ReadUInt64LittleEndian(seed[16..]);
            _s3 = BinaryPrimitives.ReadUInt64LittleEndian(seed[24..]);
            if ((_s0 | _s1 | _s2 | _s3) == 0)
            {
                _s0 = 1; // the one state xoshiro cannot leave
            }
        }

        public ulong Next()
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }

        /// <summary>A uniform number from 0 to <paramref name="bound"/> − 1 (rejection sampling: no modulo bias).</summary>
        int Below(int bound)
        {
            var limit = ulong.MaxValue - (ulong.MaxValue % (ulong)bound);
            ulong value;
            do
            {
                value = Next();
            }
            while (value >= limit);
            return (int)(value % (ulong)bound);
        }

        /// <summary>Fisher–Yates: every order equally likely.</summary>
        public void Shuffle<T>(T[] items)
        {
            for (var i = items.Length - 1; i > 0; i--)
            {
                var j = Below(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }
}

/// <summary>A question of an attempt and the order of its options (or steps) as shown: indexes into the authored list.</summary>
/// <param name="Aliases">The value each option (by authored index) has in this attempt's form; empty for order questions.</param>
public sealed record DrawnQuestion(Question Question, IReadOnlyList<int> Shown, IReadOnlyList<string> Aliases)
{
    /// <summary>The option id a form value stands for: the option whose alias it is, or the value itself.</summary>
    public string OptionId(string value)
    {
        for (var i = 0; i < Aliases.Count; i++)
        {
            if (Aliases[i] == value)
            {
                return Question.Options[i].Id;
            }
        }

        return value;
    }
}
