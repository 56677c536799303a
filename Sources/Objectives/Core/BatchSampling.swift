/// How the oracle draws the rows of a mini-batch (suite key `sampling`, default ``reshuffle``).
///
/// - ``reshuffle``: without replacement, a fresh Fisher–Yates permutation each epoch, consumed in
///   order ("random reshuffling", the practice of torch's `DataLoader(shuffle=True)`).
/// - ``replacement``: every row drawn independently and uniformly (the textbook SGD of Robbins &
///   Monro; torch's `RandomSampler(replacement=True)`).
/// - ``fixedOrder``: the rows in their stored order, epoch after epoch, never shuffled — the notes'
///   "common mistake" (not shuffling the training data), which biases each batch when the data are
///   sorted (e.g. by label).
///
/// Random reshuffling converges faster than sampling with replacement at a constant step
/// (Gürbüzbalaban, Ozdaglar & Parrilo 2021, "Why random reshuffling beats stochastic gradient
/// descent", Math. Program. 186; Mishchenko, Khaled & Richtárik 2020).
public enum BatchSampling: String, Sendable, CaseIterable, Codable {
    case reshuffle
    case replacement
    case fixedOrder = "fixed-order"
}
