using System.Data.Common;
using BinhDanHocVuSo.Web.Data;

namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>The rows one learner action adds or changes; <see cref="LearnerStore"/> writes them in one transaction.</summary>
public sealed class LearnerChanges
{
    readonly List<CourseEnrolmentRow> _enrolments = [];

    /// <summary>Enrolments to insert or replace: one per course, the last one set.</summary>
    public IReadOnlyList<CourseEnrolmentRow> Enrolments => _enrolments;
    public List<LessonCompletionRow> LessonCompletions { get; } = [];
    public List<QuizAttemptRow> Attempts { get; } = [];
    public List<QuizAnswerRow> Answers { get; } = [];
    public List<LearnerDayRow> Days { get; } = [];

    // The same action may first start a course and then complete it: the later row replaces the earlier one.
    public void SetEnrolment(CourseEnrolmentRow row)
    {
        _enrolments.RemoveAll(e => e.LearnerId == row.LearnerId && e.CourseSlug == row.CourseSlug);
        _enrolments.Add(row);
    }
}

/// <summary>
/// Writes <see cref="LearnerChanges"/> with plain parameterised SQL, each statement prepared once per batch and run
/// once per row. The write path of every quiz answer runs here, on SQLite's single writer: EF Core's change tracking
/// and SQL generation per row cost several times the insert itself. The SQL is the same on SQLite and PostgreSQL; values
/// are bound the way EF Core stores them (on SQLite a Guid is upper-case text).
/// </summary>
sealed class LearnerRowWriter(DbConnection connection, DbTransaction transaction, bool sqlite, DateTime now) : IAsyncDisposable
{
    readonly Dictionary<string, DbCommand> _commands = [];

    /// <summary>Moves the learner's row version on from <paramref name="basedOn"/>; false when it moved meanwhile.</summary>
    public async Task<bool> MoveVersionAsync(Guid learnerId, long basedOn)
    {
        var rows = basedOn == 0
            ? await RunAsync("""INSERT INTO "Learners" ("Id", "Version", "CreatedAt") VALUES (@p0, @p1, @p2) ON CONFLICT DO NOTHING""",
                Id(learnerId), 1L, now)
            : await RunAsync("""UPDATE "Learners" SET "Version" = @p0 WHERE "Id" = @p1 AND "Version" = @p2""",
                basedOn + 1, Id(learnerId), basedOn);
        return rows == 1;
    }

    public async Task WriteAsync(LearnerChanges changes)
    {
        foreach (var e in changes.Enrolments)
        {
            await RunAsync("""
                INSERT INTO "CourseEnrolments" ("LearnerId", "CourseSlug", "StartedAt", "CompletedAt", "LastLessonSlug", "LastOpenedAt")
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
                ON CONFLICT ("LearnerId", "CourseSlug") DO UPDATE SET "StartedAt" = excluded."StartedAt", "CompletedAt" = excluded."CompletedAt",
                    "LastLessonSlug" = excluded."LastLessonSlug", "LastOpenedAt" = excluded."LastOpenedAt"
                """, Id(e.LearnerId), e.CourseSlug, e.StartedAt, e.CompletedAt, e.LastLessonSlug, e.LastOpenedAt);
        }
        foreach (var l in changes.LessonCompletions)
        {
            await RunAsync("""
                INSERT INTO "LessonCompletions" ("LearnerId", "CourseSlug", "LessonSlug", "LessonVersion", "CompletedAt") VALUES (@p0, @p1, @p2, @p3, @p4)
                """, Id(l.LearnerId), l.CourseSlug, l.LessonSlug, l.LessonVersion, l.CompletedAt);
        }
        foreach (var a in changes.Attempts)
        {
            await RunAsync("""
                INSERT INTO "QuizAttempts" ("LearnerId", "AttemptId", "CourseSlug", "QuizId", "QuizVersion", "SubmittedAt", "Correct", "Total",
                    "ScorePercent", "Passed", "CourseCompleted")
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
                """, Id(a.LearnerId), Id(a.AttemptId), a.CourseSlug, a.QuizId, a.QuizVersion, a.SubmittedAt, a.Correct, a.Total,
                a.ScorePercent, a.Passed, a.CourseCompleted);
        }
        foreach (var a in changes.Answers)
        {
            await RunAsync("""
                INSERT INTO "QuizAnswers" ("LearnerId", "AttemptId", "QuestionId", "Answer", "RightAnswer", "IsCorrect") VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
                """, Id(a.LearnerId), Id(a.AttemptId), a.QuestionId, a.Answer, a.RightAnswer, a.IsCorrect);
        }
        foreach (var d in changes.Days)
        {
            await RunAsync("""INSERT INTO "LearnerDays" ("LearnerId", "Day") VALUES (@p0, @p1)""", Id(d.LearnerId), d.Day);
        }
    }

    object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;

    async Task<int> RunAsync(string sql, params object?[] values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                command.Parameters.Add(parameter);
            }
            _commands[sql] = command;
        }
        for (var i = 0; i < values.Length; i++)
        {
            // Times are UTC throughout; PostgreSQL's timestamptz columns must be told so.
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateTime { Kind: not DateTimeKind.Utc } time when !sqlite => DateTime.SpecifyKind(time, DateTimeKind.Utc),
                var value => value,
            };
        }
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }
}
