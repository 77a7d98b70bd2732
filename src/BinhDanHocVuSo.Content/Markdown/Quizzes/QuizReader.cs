using System.Text;
using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Markdown.Quizzes;

/// <summary>Reads the lines of a quiz block into a <see cref="Quiz"/>, checking every rule authors must follow.</summary>
internal static class QuizReader
{
    private const int StepIdLength = 6;
    private const int MinimumSteps = 3;
    private const string True = "Đúng";
    private const string False = "Sai";

    /// <param name="draw">The <c>draw=N</c> of the opening line, or null; checked here against the number of questions.</param>
    public static Quiz Read(string quizId, IReadOnlyList<QuizLine> lines, int fenceLine, int? draw, List<MarkdownProblem> problems)
    {
        var drafts = QuizLineReader.Read(lines, problems);
        if (drafts.Count == 0)
        {
            problems.Add(new MarkdownProblem(fenceLine, "the quiz has no questions: start one with a line like \"? single otp-1\""));
        }

        var questions = new List<Question>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in drafts.Where(d => d.Kind is not null))
        {
            if (!Slugs.IsValid(draft.Id))
            {
                problems.Add(new MarkdownProblem(draft.Line, $"question id '{draft.Id}' is not valid: use only lowercase a–z, 0–9 and \"-\", e.g. \"otp-1\""));
            }
            else if (!ids.Add(draft.Id))
            {
                problems.Add(new MarkdownProblem(draft.Line, $"question id '{draft.Id}' is used twice in this quiz: give each question its own id"));
            }

            questions.Add(Build(quizId, draft, problems));
        }

        if (draw > questions.Count && questions.Count > 0)
        {
            problems.Add(new MarkdownProblem(fenceLine, $"draw={draw} asks for more questions than the quiz has ({questions.Count}): lower it, or add questions"));
        }

        // The draw is part of the version: changing it changes what an attempt is, as changing a question does.
        var text = string.Join('\n', lines.Select(line => line.Text));
        var version = ContentHash.Of(draw is null ? text : $"draw={draw}\n{text}");
        return new Quiz(quizId, questions, version, draw);
    }

    private static Question Build(string quizId, QuestionDraft draft, List<MarkdownProblem> problems)
    {
        var kind = draft.Kind!.Value;
        CheckCommon(draft, problems);
        if (draft.HasLineProblems)
        {
            // The misplaced line already says what is wrong; counting options now would only repeat it.
        }
        else if (kind == QuestionKind.Order)
        {
            CheckOrder(draft, problems);
        }
        else
        {
            CheckOptions(draft, kind, problems);
        }

        var prompt = Render(draft.Prompt, $"the question text of '{draft.Id}'", problems);
        var explanation = Render(draft.Explanation, $"the explanation of '{draft.Id}'", problems);
        var options = draft.Options
            .Select((option, index) => new QuizOption(
                OptionId(index),
                Render([option.Line with { Text = option.Text }], $"an option of '{draft.Id}'", problems),
                option.Feedback.Count == 0 ? null : Render(option.Feedback, $"the feedback of an option of '{draft.Id}'", problems),
                option.IsCorrect))
            .ToList();
        var stepIds = StepIds(quizId, draft);
        var steps = draft.Steps
            .Select((step, index) => new OrderStep(
                stepIds[index],
                Render([step.Line with { Text = step.Text }], $"a step of '{draft.Id}'", problems),
                index + 1))
            .ToList();
        return new Question(draft.Id, kind, prompt, options, steps, explanation, draft.Line, draft.Objective ?? draft.Id, [.. draft.Allowances]);
    }

    private static void CheckCommon(QuestionDraft draft, List<MarkdownProblem> problems)
    {
        if (draft.Prompt.Count == 0)
        {
            problems.Add(new MarkdownProblem(draft.Line, $"question '{draft.Id}' has no question text: write it on the line right after \"? {Type(draft)} {draft.Id}\""));
        }

        // A missing explanation is the quiz rule no-explanation (Courses/Lint), which an author may silence with a reason.
    }

    private static void CheckOptions(QuestionDraft draft, QuestionKind kind, List<MarkdownProblem> problems)
    {
        if (draft.Steps.Count > 0)
        {
            problems.Add(new MarkdownProblem(draft.Steps[0].Line.Number, $"question '{draft.Id}' is '{Type(draft)}' but has numbered steps: steps (\"1. …\") belong in \"? order\" questions; options start with \"- [ ]\""));
            return;
        }

        foreach (var option in draft.Options.Where(o => o.Text.Length == 0))
        {
            problems.Add(new MarkdownProblem(option.Line.Number, $"an option of question '{draft.Id}' has no text: write it after \"- [ ]\""));
        }

        var right = draft.Options.Count(o => o.IsCorrect);
        if (kind == QuestionKind.TrueFalse && !IsTrueFalse(draft.Options))
        {
            problems.Add(new MarkdownProblem(draft.Line, $"question '{draft.Id}' is truefalse: its options must be exactly \"- [ ] {True}\" and \"- [ ] {False}\", with the right one marked \"[x]\""));
        }
        else if (draft.Options.Count < 2)
        {
            problems.Add(new MarkdownProblem(draft.Line, $"question '{draft.Id}' needs at least two options, each on a line starting with \"- [ ]\" or \"- [x]\""));
        }
        else if (right == 0)
        {
            var howMany = kind == QuestionKind.Multiple ? "at least one option" : "one option";
            problems.Add(new MarkdownProblem(draft.Line, $"question '{draft.Id}' has no right answer: mark {howMany} with \"- [x]\""));
        }
        else if (right > 1 && kind != QuestionKind.Multiple)
        {
            problems.Add(new MarkdownProblem(draft.Line, $"question '{draft.Id}' is '{Type(draft)}' but has {right} right answers: mark only one with \"- [x]\", or make it \"? multiple {draft.Id}\""));
        }
    }

    private static void CheckOrder(QuestionDraft draft, List<MarkdownProblem> problems)
    {
        if (draft.Options.Count > 0)
        {
            problems.Add(new MarkdownProblem(draft.Options[0].Line.Number, $"question '{draft.Id}' is 'order': write its steps as \"1. …\", \"2. …\" in the right order, not as \"- [ ]\" options"));
            return;
        }

        if (draft.Steps.Count < MinimumSteps)
        {
            problems.Add(new MarkdownProblem(draft.Line, $"question '{draft.Id}' needs at least {MinimumSteps} steps, written \"1. …\", \"2. …\", \"3. …\" in the right order"));
            return;
        }

        var misnumbered = draft.Steps.Where((step, index) => step.Number != index + 1).FirstOrDefault();
        if (misnumbered is not null)
        {
            problems.Add(new MarkdownProblem(misnumbered.Line.Number, $"the steps of question '{draft.Id}' must be numbered 1, 2, 3… from top to bottom, in the right order"));
        }

        var repeated = draft.Steps.GroupBy(step => Normalise(step.Text)).FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
        {
            problems.Add(new MarkdownProblem(repeated.Last().Line.Number, $"two steps of question '{draft.Id}' have the same text: each step must be different"));
        }
    }

    private static bool IsTrueFalse(List<OptionDraft> options) =>
        options.Count == 2
        && options.Select(o => Normalise(o.Text)).Order(StringComparer.Ordinal).SequenceEqual(new[] { True, False }.Order(StringComparer.Ordinal));

    private static string Render(List<QuizLine> lines, string what, List<MarkdownProblem> problems) =>
        lines.Count == 0 ? "" : InlineMarkdown.ToHtml(string.Join('\n', lines.Select(l => l.Text.Trim())), lines[0].Number, what, problems);

    /// <summary>"a", "b", … "z", then "aa", "ab"…: ids follow the authored position, which reveals nothing about correctness.</summary>
    private static string OptionId(int index) =>
        index < 26 ? ((char)('a' + index)).ToString() : OptionId((index / 26) - 1) + OptionId(index % 26);

    /// <summary>Step ids are hashes of the step text, so neither the id nor the id order says where a step belongs.</summary>
    private static string[] StepIds(string quizId, QuestionDraft draft)
    {
        var length = StepIdLength;
        while (true)
        {
            var ids = draft.Steps.Select(step => ContentHash.Of($"{quizId}/{draft.Id}/{step.Text}", length)).ToArray();
            if (ids.Distinct(StringComparer.Ordinal).Count() == ids.Length || length >= 64)
            {
                return ids;
            }

            length = Math.Min(64, length * 2);
        }
    }

    private static string Normalise(string text) => text.Trim().Normalize(NormalizationForm.FormC);

    private static string Type(QuestionDraft draft) => draft.Kind.ToString()!.ToLowerInvariant();
}
