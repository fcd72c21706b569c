namespace Ogi.Store.Answers;

/// <summary>A request the answers cannot take (unknown field, bad comparison, unknown report): its message is the one line the user sees.</summary>
public sealed class AnswerException(string message) : Exception(message);
