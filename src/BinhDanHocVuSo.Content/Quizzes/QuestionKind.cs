namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>How a question is answered.</summary>
public enum QuestionKind
{
    /// <summary>One right option among several (radio buttons).</summary>
    Single,

    /// <summary>One or more right options (checkboxes); right only when exactly the right ones are chosen.</summary>
    Multiple,

    /// <summary>The options "Đúng" and "Sai", exactly one of them right.</summary>
    TrueFalse,

    /// <summary>Steps to put in the right order.</summary>
    Order,
}
