using System.Collections.Immutable;
using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Web.Data;

namespace BinhDanHocVuSo.Web.Features.Survey;

sealed class SurveyResponseGrain(SurveyStore store, SurveySource surveys, TimeProvider clock) : Grain, ISurveyResponseGrain
{
    SurveyResponse _state = null!;
    long _version;
    Guid _respondentId;
    SurveyDefinition _survey = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _respondentId = this.GetPrimaryKey(out var key);
        var (surveyId, version) = SurveyGrains.Parse(key!);
        _survey = surveys.Find(surveyId, version)
            ?? throw new SurveyException(SurveyProblem.UnknownSurvey, $"Không có khảo sát '{surveyId}' phiên bản {version}.");
        (_state, _version) = await store.LoadAsync(_respondentId, surveyId, version, cancellationToken);
    }

    public Task<SurveyResponse> Start(SurveyBackground background) => Act(async () =>
    {
        if (_state.Submitted)
        {
            throw new SurveyException(SurveyProblem.AlreadySubmitted, "Anh/chị đã nộp bài khảo sát này.");
        }
        Validate(background);
        if (_state.Background == background)
        {
            return _state;
        }
        var now = Now();
        var next = _state with { ResponseId = _state.ResponseId ?? Guid.NewGuid(), Background = background, StartedAt = _state.StartedAt ?? now };
        await Save(next, now, (db, row) =>
        {
            if (_version == 0)
            {
                db.SurveyResponses.Add(row);
            }
            else
            {
                db.SurveyResponses.Update(row);
            }
        });
        return _state;
    });

    public Task<SurveyResponse> SaveAnswers(SurveyPageAnswers answers) => Act(async () =>
    {
        EnsureOpen();
        if (answers.Page < 1 || answers.Page > _survey.Pages.Count)
        {
            throw new SurveyException(SurveyProblem.InvalidAnswer, $"Khảo sát không có trang {answers.Page}.");
        }
        var page = _survey.Pages[answers.Page - 1];
        var now = Now();
        var given = new Dictionary<string, SurveyAnswer>(StringComparer.Ordinal);
        foreach (var (itemId, code) in answers.Ratings)
        {
            var scaleId = page.Items.FirstOrDefault(i => i.Id == itemId) switch
            {
                SelfRatingItem rating => rating.ScaleId,
                AttentionCheckItem check => check.ScaleId,
                _ => throw Invalid(itemId),
            };
            if (code < 0 || code > (_survey.FindScale(scaleId)?.MaxCode ?? -1))
            {
                throw Invalid(itemId);
            }
            given[itemId] = new SurveyAnswer(code, null, now, null);
        }
        foreach (var (itemId, optionId) in answers.Choices)
        {
            if (page.Items.FirstOrDefault(i => i.Id == itemId) is not KnowledgeItem question || question.Options.All(o => o.Id != optionId))
            {
                throw Invalid(itemId);
            }
            given[itemId] = new SurveyAnswer(null, optionId, now, null);
        }

        // Only answers that are new or changed are written; they share the time spent on the page.
        var changed = given.Where(g => !_state.Answers.TryGetValue(g.Key, out var old) || old.Code != g.Value.Code || old.OptionId != g.Value.OptionId)
            .Select(g => g.Key).ToList();
        var seconds = answers.SecondsOnPage is { } s && changed.Count > 0 ? Math.Max(0, s) / changed.Count : (double?)null;
        var lastPage = Math.Max(_state.LastPage, answers.Page);
        if (changed.Count == 0 && lastPage == _state.LastPage)
        {
            return _state;
        }
        var stored = _state.Answers.ToDictionary();
        foreach (var id in changed)
        {
            stored[id] = given[id] with { Seconds = seconds };
        }
        var next = _state with { Answers = stored.ToImmutableDictionary(StringComparer.Ordinal), LastPage = lastPage };
        var responseId = _state.ResponseId!.Value;
        await Save(next, now, (db, row) =>
        {
            db.SurveyResponses.Update(row);
            foreach (var id in changed)
            {
                var answer = stored[id];
                var answerRow = new SurveyAnswerRow { ResponseId = responseId, ItemId = id, Code = answer.Code, OptionId = answer.OptionId, AnsweredAt = answer.At, Seconds = answer.Seconds };
                if (_state.Answers.ContainsKey(id))
                {
                    db.SurveyAnswers.Update(answerRow);
                }
                else
                {
                    db.SurveyAnswers.Add(answerRow);
                }
            }
        });
        return _state;
    });

    public Task<SurveyResponse> Submit() => Act(async () =>
    {
        if (_state.Submitted)
        {
            return _state;
        }
        EnsureOpen();
        var now = Now();
        await Save(_state with { SubmittedAt = now }, now, (db, row) => db.SurveyResponses.Update(row));
        return _state;
    });

    public Task<SurveyResponse> Get() => Task.FromResult(_state);

    void EnsureOpen()
    {
        if (_state.Submitted)
        {
            throw new SurveyException(SurveyProblem.AlreadySubmitted, "Anh/chị đã nộp bài khảo sát này; câu trả lời không thay đổi được nữa.");
        }
        if (!_state.Started)
        {
            throw new SurveyException(SurveyProblem.NotStarted, "Anh/chị cần trả lời phần thông tin chung trước.");
        }
    }

    void Validate(SurveyBackground background)
    {
        var ageBands = _survey.Background.FirstOrDefault(q => q.Kind == BackgroundKind.Choice)?.Options.Select(o => o.Id) ?? [];
        if (string.IsNullOrWhiteSpace(background.CommuneId) || background.CommuneId.Length > Limits.Commune)
        {
            throw new SurveyException(SurveyProblem.InvalidBackground, "Tài khoản chưa có xã, phường.");
        }
        if (_survey.Roles.All(r => r.Id != background.RoleId) || !ageBands.Contains(background.AgeBandId))
        {
            throw new SurveyException(SurveyProblem.InvalidBackground, "Vị trí công việc hoặc nhóm tuổi không có trong danh sách.");
        }
    }

    static SurveyException Invalid(string itemId) =>
        new(SurveyProblem.InvalidAnswer, $"Câu trả lời cho câu '{itemId}' không hợp lệ.");

    async Task Save(SurveyResponse next, DateTime now, Action<AppDbContext, SurveyResponseRow> change)
    {
        var background = next.Background!;
        var version = await store.SaveAsync(next.ResponseId!.Value, _version, (db, newVersion) =>
        {
            var row = new SurveyResponseRow
            {
                Id = next.ResponseId!.Value, RespondentId = _respondentId, SurveyId = next.SurveyId, SurveyVersion = next.SurveyVersion,
                Commune = background.CommuneId, RoleId = background.RoleId, AgeBandId = background.AgeBandId, LastPage = next.LastPage,
                StartedAt = next.StartedAt ?? now, UpdatedAt = now, SubmittedAt = next.SubmittedAt, Version = newVersion,
            };
            if (next.Submitted)
            {
                // Scored once, with the version answered, in the same transaction: reports read this instead of every answer.
                StoredScores.Keep(row, _survey, surveys.LayoutOf(_survey), next.ToRespondentAnswers(_respondentId.ToString()));
            }
            change(db, row);
        });
        (_state, _version) = (next, version);
    }

    /// <summary>Runs one action; if another activation wrote meanwhile, reloads the stored response and runs it once more.</summary>
    async Task<T> Act<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (StaleSurveyResponseException)
        {
            (_state, _version) = await store.LoadAsync(_respondentId, _survey.Id, _survey.Version);
            return await action();
        }
    }

    DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
