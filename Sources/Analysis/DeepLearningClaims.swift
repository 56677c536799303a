import Results

/// The claims of the notes that `suites/deep-learning.yaml` runs, with the runs that test each one
/// (problem and optimizer ids of that suite). See ``TrainingClaim`` for the decision rule.
public enum DeepLearningClaims {
    static let relu = "mlp[activation=relu,batch-size=32,data=digits,hidden=[64]]"
    static let smallBatch = "mlp[activation=tanh,batch-size=8,data=digits,hidden=[32]]"
    static let largeBatch = "mlp[activation=tanh,batch-size=512,data=digits,hidden=[32]]"
    static let deepTanh =
        "mlp[activation=tanh,batch-size=50,data=two-moons,hidden=[16,16,16,16,16,16,16,16],init-gain=3,n=500]"
    static let overParameterised = "least-squares[d=200,feature-conditioning=1,lambda=0,n=10]"

    static let adam = TrainingClaim.Group(label: "Adam (lr 1e-3)", problem: relu, optimizer: "adam[lr=0.001]")
    static let momentum = TrainingClaim.Group(
        label: "SGD + momentum 0.9 (lr 0.05)", problem: relu, optimizer: "sgd[lr=0.05,momentum=0.9]")

    public static let all: [TrainingClaim] = [
        TrainingClaim(
            statement: "Adam reaches a lower training loss than SGD with momentum in the same epochs",
            source: "Kingma & Ba 2015; Wilson et al. 2017, §4", quantity: .trainingLoss, better: adam, worse: momentum,
            caveat: "both at their usual learning rates, not tuned"),
        TrainingClaim(
            statement: "SGD with momentum generalises better than Adam (higher held-out accuracy)",
            source: "Wilson et al. 2017, \"The marginal value of adaptive gradient methods\"",
            quantity: .heldOutAccuracy,
            better: momentum, worse: adam, caveat: "digits, 20 epochs, one hidden layer"),
        TrainingClaim(
            statement: "A linear warm-up lowers Adam's training loss at a large learning rate (0.1)",
            source: "Goyal et al. 2017, §2.2; Liu et al. 2020 (RAdam), §3", quantity: .trainingLoss,
            better: .init(
                label: "Adam lr 0.1, 90-step warm-up", problem: relu,
                optimizer: "adam[lr=0.1,schedule=warmup[warmup-steps=90]]"),
            worse: .init(label: "Adam lr 0.1", problem: relu, optimizer: "adam[lr=0.1]")),
        TrainingClaim(
            statement:
                "Clipping the gradient norm lowers the training loss of SGD at a large learning rate on a network "
                + "with exploding gradients",
            source: "Pascanu, Mikolov & Bengio 2013, §3.2", quantity: .trainingLoss,
            better: .init(label: "SGD lr 0.5, clip-norm 1", problem: deepTanh, optimizer: "sgd[clip-norm=1,lr=0.5]"),
            worse: .init(label: "SGD lr 0.5", problem: deepTanh, optimizer: "sgd[lr=0.5]"),
            caveat: "eight tanh layers initialised with gain 3 on two moons"),
        TrainingClaim(
            statement: "Small batches end in flatter minima (lower sharpness) than large batches",
            source: "Keskar et al. 2017, \"On large-batch training … sharp minima\"", quantity: .sharpness,
            better: .init(label: "SGD batch 8", problem: smallBatch, optimizer: "sgd[lr=0.1]"),
            worse: .init(label: "SGD batch 512", problem: largeBatch, optimizer: "sgd[lr=0.1]"),
            caveat: "same lr and epochs, so the large batch also takes 64× fewer steps"),
        TrainingClaim(
            statement: "Small batches generalise better (higher held-out accuracy) than large batches",
            source: "Keskar et al. 2017", quantity: .heldOutAccuracy,
            better: .init(label: "SGD batch 8", problem: smallBatch, optimizer: "sgd[lr=0.1]"),
            worse: .init(label: "SGD batch 512", problem: largeBatch, optimizer: "sgd[lr=0.1]"),
            caveat: "same lr and epochs, so the large batch also takes 64× fewer steps"),
        TrainingClaim(
            statement: "AdamW generalises better than Adam with L2 of the same coefficient (0.05)",
            source: "Loshchilov & Hutter 2019, \"Decoupled weight decay regularization\"", quantity: .heldOutAccuracy,
            better: .init(label: "AdamW wd 0.05", problem: relu, optimizer: "adamw[lr=0.001,weight-decay=0.05]"),
            worse: .init(label: "Adam + L2 0.05", problem: relu, optimizer: "adam[lr=0.001,weight-decay=0.05]")),
        TrainingClaim(
            statement:
                "Switching from Adam to SGD with momentum after 5 epochs generalises better than Adam throughout",
            source: "Keskar & Socher 2017, \"Improving generalization performance by switching from Adam to SGD\"",
            quantity: .heldOutAccuracy,
            better: .init(
                label: "Adam → SGD + momentum", problem: relu,
                optimizer:
                    "switch[first=adam,first.lr=0.001,second=sgd,second.lr=0.05,second.momentum=0.9,switch-at=225]"),
            worse: adam),
        TrainingClaim(
            statement:
                "Gradient descent from 0 on under-determined least squares converges to the minimum-norm solution "
                + "(distance below 1e-4 after 20 steps)",
            source: "Zhang et al. 2017, §5; Gunasekar et al. 2018", quantity: .distance,
            better: .init(label: "GD lr 1/L from 0", problem: overParameterised, optimizer: "sgd[lr=1/L]"),
            worse: nil, bound: 1e-4),
    ]

    /// The outcomes of every claim whose runs are in `records`.
    public static func evaluate(_ records: [RunRecord]) -> [TrainingClaim.Outcome] {
        all.compactMap { $0.evaluate(records) }
    }
}
