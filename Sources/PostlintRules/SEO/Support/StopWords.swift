/// Short function words that carry no topic: ignored when a keyphrase is looked for in a slug, and
/// when deciding which words of a keyphrase must appear.
enum StopWords {
    static let english: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "how", "in", "into", "is", "it",
        "its", "of", "on", "or", "so", "that", "the", "this", "to", "was", "what", "when", "where", "which",
        "who", "why", "with", "your", "you",
    ]
}
