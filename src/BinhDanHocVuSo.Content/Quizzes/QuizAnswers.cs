using System.Globalization;

namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>
/// Reads the answers of a quiz form (see <see cref="QuizHtml"/>) into what <see cref="QuizGrader"/> takes. Reading only
/// parses: whether each value is one of the question's options is the grader's to say, once, when it grades.
/// </summary>
public static class QuizAnswers
{
    /// <summary>Field name prefix of option answers: <c>q.{questionId}</c> = option id (repeated for multiple).</summary>
    public const string OptionFieldPrefix = "q.";

    /// <summary>Field name prefix of order answers: <c>o.{questionId}.{stepId}</c> = position (1…n).</summary>
    public const string OrderFieldPrefix = "o.";

    /// <summary>
    /// Builds question id → answer values from posted form fields. Fields without the <c>q.</c> or <c>o.</c>
    /// prefix (anti-forgery token, attempt id…) and empty values are ignored.
    /// </summary>
    /// <exception cref="QuizAnswerException">A field is malformed (unknown question or step, a position out of range…).</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> FromForm(Quiz quiz, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var chosenOptions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var positions = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (name, rawValue) in fields)
        {
            var value = rawValue?.Trim() ?? "";
            if (value.Length == 0)
            {
                continue;
            }

            if (name.StartsWith(OptionFieldPrefix, StringComparison.Ordinal))
            {
                var question = FindQuestion(quiz, name[OptionFieldPrefix.Length..]);
                if (question.Kind == QuestionKind.Order)
                {
                    throw new QuizAnswerException(question.Id, QuizAnswerProblem.UnknownValue, "an order question is answered with positions, not options");
                }

                Get(chosenOptions, question.Id).Add(value);
            }
            else if (name.StartsWith(OrderFieldPrefix, StringComparison.Ordinal))
            {
                AddPosition(quiz, name[OrderFieldPrefix.Length..], value, positions);
            }
        }

        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (questionId, options) in chosenOptions)
        {
            answers[questionId] = options;
        }

        foreach (var (questionId, stepPositions) in positions)
        {
            answers[questionId] = ToOrder(quiz.FindQuestion(questionId)!, stepPositions);
        }

        return answers;
    }

    private static void AddPosition(Quiz quiz, string questionAndStep, string value, Dictionary<string, Dictionary<string, int>> positions)
    {
        var dot = questionAndStep.LastIndexOf('.');
        var question = FindQuestion(quiz, dot < 0 ? questionAndStep : questionAndStep[..dot]);
        if (question.Kind != QuestionKind.Order || dot < 0)
        {
            throw new QuizAnswerException(question.Id, QuizAnswerProblem.UnknownValue, "only order questions are answered with positions");
        }

        var stepId = questionAndStep[(dot + 1)..];
        if (question.Steps.All(step => step.Id != stepId))
        {
            throw new QuizAnswerException(question.Id, QuizAnswerProblem.UnknownValue, $"'{stepId}' is not one of its steps");
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            || position < 1 || position > question.Steps.Count)
        {
            throw new QuizAnswerException(question.Id, QuizAnswerProblem.InvalidPosition, $"position '{value}' is not a number from 1 to {question.Steps.Count}");
        }

        if (!Get(positions, question.Id).TryAdd(stepId, position))
        {
            throw new QuizAnswerException(question.Id, QuizAnswerProblem.DuplicateStep, $"step '{stepId}' is given two positions");
        }
    }

    private static List<string> ToOrder(Question question, Dictionary<string, int> stepPositions)
    {
        if (stepPositions.Values.Distinct().Count() != stepPositions.Count)
        {
            throw new QuizAnswerException(question.Id, QuizAnswerProblem.DuplicateStep, "two steps are given the same position");
        }

        if (stepPositions.Count != question.Steps.Count)
        {
            throw new QuizAnswerException(question.Id, QuizAnswerProblem.IncompleteOrder, $"{stepPositions.Count} of {question.Steps.Count} steps have a position; every step needs one");
        }

        return [.. stepPositions.OrderBy(pair => pair.Value).Select(pair => pair.Key)];
    }

    private static Question FindQuestion(Quiz quiz, string questionId) =>
        quiz.FindQuestion(questionId)
        ?? throw new QuizAnswerException(questionId, QuizAnswerProblem.UnknownQuestion, "there is no such question in this quiz");

    private static TValue Get<TValue>(Dictionary<string, TValue> dictionary, string key)
        where TValue : new()
    {
        if (!dictionary.TryGetValue(key, out var value))
        {
            value = new TValue();
            dictionary[key] = value;
        }

        return value;
    }
}
