namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// A start-up failure that a person can fix: the message names the setting to change.
/// Program prints it without a stack trace.
/// </summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
