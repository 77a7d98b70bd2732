using System.Diagnostics.Metrics;

namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>Grades answers against a quiz. Pure: same quiz and answers, same grade.</summary>
public static class QuizGrader
{
    /// <summary>The meter of the content engine; <see cref="GradesCounter"/> counts every grading, for operators and specs.</summary>
    public const string MeterName = "BinhDanHocVuSo.Content";

    /// <summary>The instrument that counts gradings, tagged with the quiz id.</summary>
    public const string GradesCounter = "quiz.grades";

    static readonly Meter Meter = new(MeterName);
    static readonly Counter<long> Grades = Meter.CreateCounter<long>(GradesCounter, description: "Quiz attempts graded");

    /// <summary>
    /// Grades <paramref name="answers"/> (question id → chosen option ids, or step ids in the learner's order) on the
    /// questions <paramref name="shown"/> by the attempt (all of the quiz when null), in authored order, whatever order
    /// they were shown in. A shown question missing from the answers, or with no values, counts as wrong.
    /// </summary>
    /// <exception cref="QuizAnswerException">
    /// The answers are malformed, or answer a question the attempt did not show (<see cref="QuizAnswerProblem.NotShown"/>); nothing is graded.
    /// </exception>
    public static QuizGrade Grade(Quiz quiz, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, IReadOnlySet<string>? shown = null)
    {
        foreach (var (questionId, values) in answers)
        {
            var question = quiz.FindQuestion(questionId)
                ?? throw new QuizAnswerException(questionId, QuizAnswerProblem.UnknownQuestion, "there is no such question in this quiz");
            if (shown is not null && !shown.Contains(questionId))
            {
                throw new QuizAnswerException(questionId, QuizAnswerProblem.NotShown, "this attempt did not show this question");
            }

            Validate(question, values);
        }
        Grades.Add(1, new KeyValuePair<string, object?>("quiz", quiz.Id));

        var grades = quiz.Questions
            .Where(question => shown is null || shown.Contains(question.Id))
            .Select(question => GradeQuestion(question, answers.GetValueOrDefault(question.Id) ?? []))
            .ToList();
        var correct = grades.Count(g => g.IsCorrect);
        return new QuizGrade(correct, grades.Count, Percent(correct, grades.Count), grades);
    }

    private static int Percent(int correct, int total) =>
        total == 0 ? 0 : (int)Math.Round(correct * 100m / total, MidpointRounding.AwayFromZero);

    private static QuestionGrade GradeQuestion(Question question, IReadOnlyList<string> chosen)
    {
        if (question.Kind == QuestionKind.Order)
        {
            var rightOrder = question.RightStepOrder;
            return new QuestionGrade(question.Id, chosen.SequenceEqual(rightOrder), chosen, rightOrder, question.ExplanationHtml, []);
        }

        var right = question.RightOptionIds;
        var isCorrect = chosen.Count > 0 && chosen.ToHashSet().SetEquals(right);
        var feedback = question.Options
            .Where(option => chosen.Contains(option.Id) && option.FeedbackHtml is not null)
            .Select(option => new OptionFeedback(option.Id, option.FeedbackHtml!))
            .ToList();
        return new QuestionGrade(question.Id, isCorrect, chosen, right, question.ExplanationHtml, feedback);
    }

    private static void Validate(Question question, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        if (question.Kind == QuestionKind.Order)
        {
            ValidateOrder(question, values);
            return;
        }

        foreach (var value in values)
        {
            if (question.Options.All(option => option.Id != value))
            {
                throw new QuizAnswerException(question.Id, QuizAnswerProblem.UnknownValue, $"'{value}' is not one of its options");
            }
        }

        if (values.Distinct().Count() != values.Count)
        {
            throw new QuizAnswerException(question.Id, QuizAnswerProblem.TooManyValues, "the same option is chosen twice");
        }

        if (question.Kind is QuestionKind.Single or QuestionKind.TrueFalse && values.Count > 1)
        {
            throw new QuizAnswerException(question.Id, QuizAnswerProblem.TooManyValues, "only one option may be chosen");
        }
    }

    private static void ValidateOrder(Question question, IReadOnlyList<string> stepIds)
    {
        foreach (var stepId in stepIds)
        {
            if (question.Steps.All(step => step.Id != stepId))
            {
                throw new QuizAnswerException(question.Id, QuizAnswerProblem.UnknownValue, $"'{stepId}' is not one of its steps");
            }
        }

        if (stepIds.Distinct().Count() != stepIds.Count)
        {
            throw new QuizAnswerException(question.Id, QuizAnswerProblem.DuplicateStep, "a step is placed twice");
        }

        if (stepIds.Count != question.Steps.Count)
        {
            throw new QuizAnswerException(question.Id, QuizAnswerProblem.IncompleteOrder, $"{stepIds.Count} of {question.Steps.Count} steps are placed; every step needs a position");
        }
    }
}
