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
        await Save(next, now, []);
        return _state;
    });

    public Task<SurveyResponse> SaveAnswers(SurveyPageAnswers answers) => Act(() => Record(answers, pageDone: true));

    public Task<SurveyResponse> SaveChosen(SurveyPageAnswers answers) => Act(() => Record(answers, pageDone: false));

    /// <summary>Writes the new or changed answers of a page; <paramref name="pageDone"/> moves the resume point past it.</summary>
    async Task<SurveyResponse> Record(SurveyPageAnswers answers, bool pageDone)
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

        // Only answers that are new or changed are written; they share the time since the page was shown or last saved
        // (each choice is saved as it is made when the page's script runs). A changed answer adds to the time it had.
        var changed = given.Where(g => !_state.Answers.TryGetValue(g.Key, out var old) || old.Code != g.Value.Code || old.OptionId != g.Value.OptionId)
            .Select(g => g.Key).ToList();
        var seconds = answers.SecondsOnPage is { } s && changed.Count > 0 ? Math.Max(0, s) / changed.Count : (double?)null;
        var lastPage = pageDone ? Math.Max(_state.LastPage, answers.Page) : _state.LastPage;
        if (changed.Count == 0 && lastPage == _state.LastPage)
        {
            return _state;
        }
        var stored = _state.Answers.ToDictionary();
        foreach (var id in changed)
        {
            stored[id] = given[id] with { Seconds = seconds + (_state.Answers.GetValueOrDefault(id)?.Seconds ?? 0) };
        }
        var next = _state with { Answers = stored.ToImmutableDictionary(StringComparer.Ordinal), LastPage = lastPage };
        var responseId = _state.ResponseId!.Value;
        await Save(next, now, [.. changed.Select(id => new SurveyAnswerRow
        {
            ResponseId = responseId, ItemId = id, Code = stored[id].Code, OptionId = stored[id].OptionId, AnsweredAt = stored[id].At,
            Seconds = stored[id].Seconds,
        })]);
        return _state;
    }

    public Task<SurveyResponse> Submit() => Act(async () =>
    {
        if (_state.Submitted)
        {
            return _state;
        }
        EnsureOpen();
        var now = Now();
        await Save(_state with { SubmittedAt = now }, now, []);
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

    /// <summary>Writes <paramref name="next"/>'s row and the <paramref name="answers"/> that are new or changed, then makes it the state.</summary>
    async Task Save(SurveyResponse next, DateTime now, IReadOnlyCollection<SurveyAnswerRow> answers)
    {
        var background = next.Background!;
        var row = new SurveyResponseRow
        {
            Id = next.ResponseId!.Value, RespondentId = _respondentId, SurveyId = next.SurveyId, SurveyVersion = next.SurveyVersion,
            Commune = background.CommuneId, RoleId = background.RoleId, AgeBandId = background.AgeBandId, LastPage = next.LastPage,
            StartedAt = next.StartedAt ?? now, UpdatedAt = now, SubmittedAt = next.SubmittedAt,
        };
        if (next.Submitted)
        {
            // Counted once, with the version answered, in the same transaction: reports read this instead of every answer.
            CountedScores.Of(_survey, next.ToRespondentAnswers(_respondentId.ToString())).CopyTo(row, surveys.LayoutOf(_survey));
        }
        var version = await store.SaveAsync(row, _version, answers);
        (_state, _version) = (next, version);
    }

    /// <summary>Runs one action; if another activation wrote meanwhile, reloads the stored response and runs it once more.</summary>
    Task<T> Act<T>(Func<Task<T>> action) => StaleRetry.RunAsync(action, async () =>
        (_state, _version) = await store.LoadAsync(_respondentId, _survey.Id, _survey.Version));

    DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
