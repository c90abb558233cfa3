namespace Helpdesk.Runtime.Core;

/// <summary>Lets the grain interleave requests at their <c>await</c> points; turns still run one at a time.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;
