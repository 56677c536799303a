/// `gdbench help suite`: every key of a suite file with an example each; docs/suite-format.md is this text
/// (a test keeps them equal and validates every example).
enum SuiteFormatHelp {
    static let markdown = #"""
        # Suite files

        A suite is a YAML file: problems × optimizers (× every hyperparameter alternative, as a cartesian product)
        × repetitions, with a budget and a ladder of targets. `gdbench validate FILE` checks one without running it
        and lists every error as `file:line: key.path: message`; `gdbench run FILE` runs it. The suites shipped
        with gdbench are built into the binary (`gdbench list suites`); a `suites/` folder or `--suites-dir DIR`
        adds to and overrides them. Every example below is a fragment that validates when the keys it leaves out
        come from a minimal suite (`tests: SuiteFormatHelpTests`).

        ## Top-level keys

        ### `name` (required)
        The suite's name: results go to `RESULTS/NAME/<UTC time>/`; the file is usually `NAME.yaml`.
        ```yaml
        name: my-suite
        ```

        ### `description`
        One paragraph; its first line is what `gdbench list suites` shows.
        ```yaml
        description: Gradient descent against Adam on an ill-conditioned quadratic.
        ```

        ### `seed` (required)
        The root of every random number of the suite (problem instances, start points, mini-batches, noise):
        a whole number ≥ 0. The same suite, seed and build give bit-identical records.
        ```yaml
        seed: 20261204
        ```

        ### `repetitions`
        Independent repetitions of every cell, each with its own derived seeds (default 1).
        ```yaml
        repetitions: 5
        ```

        ### `budget`
        Limits of one run; the first one reached ends it with status `budget` (or `timeout`).
        - `max-iterations`: iterations (default 10000);
        - `max-gradient-evaluations`: gradient evaluations (default: none);
        - `timeout`: wall-clock seconds of the monitored pass, a guard (default 60);
        - `max-epochs`: passes over the data, finite-sum problems only (default: none).
        ```yaml
        budget:
          max-iterations: 100000
          max-gradient-evaluations: 200000
          timeout: 30
          max-epochs: 50
        ```

        ### `targets`
        The ladder of targets whose first hits are recorded (iterations, evaluations, time).
        - `measure`: `relative-gap` ((f − f*)/(f₀ − f*), the default), `absolute-gap` (f − f*),
          `gradient-norm` (‖∇f‖, needs no f*) or `distance` (‖x − x*‖);
        - `thresholds`: a strictly decreasing list (default 1e-1 … 1e-8). The last one is "converged".
        ```yaml
        targets:
          measure: gradient-norm
          thresholds: [1e-2, 1e-4, 1e-6]
        ```

        ### `timing-repeats`
        Unmonitored replays of each run whose median time is recorded (default 1, at least 1).
        ```yaml
        timing-repeats: 3
        ```

        ### `escape-margin`
        For problems with a saddle: the milestone `escaped` is the first iteration with f ≤ saddle value −
        margin (default 1e-3).
        ```yaml
        escape-margin: 0.01
        ```

        ### `sharpness`
        Measure the top Hessian eigenvalue by power iteration on Hessian-vector products: `none` (default),
        `final` (at the last trace point) or `trace` (at every trace point). Costed separately, never counted as
        optimizer work (docs/deep-learning.md).
        ```yaml
        sharpness: final
        ```

        ### `record-iterates`
        Write each run's iterate at every trace checkpoint to `RUN/iterates/<run>.f64` (binary64, any d; readers
        `IterateFile` in Swift and `scripts/read_iterates.py`); also `gdbench run --record-iterates`. Default false.
        ```yaml
        record-iterates: true
        ```

        ### `include`
        A file or a list of files, relative to this one, whose problems and optimizers are added and whose other
        keys apply where this file is silent.
        ```yaml
        include: common.yaml
        ```

        ### `problems` (required)
        A list of problem entries (below); `gdbench list problems` shows every kind and its parameters.
        ```yaml
        problems:
          - kind: quadratic
            d: 100
            kappa: [10, 1000]
          - kind: rosenbrock
        ```

        ### `optimizers` (required)
        A list of optimizer entries (below); `gdbench list optimizers` and `gdbench describe NAME` show every
        kind, its hyperparameters and defaults.
        ```yaml
        optimizers:
          - kind: sgd
            lr: 1/L
          - kind: adam
            lr: [0.001, 0.01]
        ```

        ## Problem entries

        ### `kind` (required)
        The problem kind; the other keys are its parameters (`gdbench describe KIND`).
        ```yaml
        problems:
          - kind: logistic
            n: 500
            d: 10
        ```

        ### parameters
        Any parameter may be a list of alternatives: each alternative is a separate problem cell. A parameter
        whose value is itself a list takes a list of lists.
        ```yaml
        problems:
          - kind: quadratic
            d: [10, 100]
            kappa: 100
            rotation: random
        ```

        ### `batch-size`
        Finite-sum problems only: rows per stochastic gradient, or `full`; a list gives one cell each.
        ```yaml
        problems:
          - kind: logistic
            n: 200
            d: 5
            batch-size: [16, full]
        ```

        ### `gradient-noise`
        σ of Gaussian noise added to every gradient component (default 0).
        ```yaml
        problems:
          - kind: quadratic
            d: 10
            gradient-noise: [0, 0.1]
        ```

        ### `file` (data files)
        `logistic`, `least-squares` and `mlp` read your data instead of their built-in data: a CSV with a header
        (`label:` names the label column, default the last) or LIBSVM/SVMlight (by extension, or `format: libsvm`;
        `features:` sets d), the path relative to this suite file. Each file is read, checked and hashed before
        anything runs (errors name the file, line and column); its SHA-256 goes into the manifest and every record
        (`file-sha256`). `mlp` takes the label's distinct values, in increasing order, as its classes, holds out
        `test-fraction` of the rows and z-scores the features with the training rows' mean and std
        (`standardize: false` keeps them as written). A network has no known f*: measure its targets by loss.
        ```yaml
        targets: {measure: loss, thresholds: [0.5, 0.1]}
        problems:
          - kind: mlp
            file: data/measurements.csv
            label: species
            hidden: [16]
        ```

        ### `sampling`
        How the rows of a mini-batch are drawn (needs `batch-size` without `full`): `reshuffle` (default: without
        replacement, a new permutation each epoch), `replacement` (each row drawn uniformly and independently) or
        `fixed-order` (the rows in their stored order, never shuffled); a list gives one cell each. Seeded from the
        problem seed, so every optimizer sees the same batches. The problem id names it unless it is `reshuffle`.
        ```yaml
        problems:
          - kind: least-squares
            batch-size: 10
            sampling: [reshuffle, replacement, fixed-order]
        ```

        ## Optimizer entries

        ### `kind` (required)
        The optimizer kind; the other keys are its hyperparameters (`gdbench describe KIND`).
        ```yaml
        optimizers:
          - kind: lbfgs
            line-search: strong-wolfe
        ```

        ### hyperparameters and expressions
        A number may be an expression over the problem's constants: `L` (smoothness), `mu` (strong convexity),
        `kappa` (L/μ), `d` (dimension), `n` (rows of a finite sum), `b` (the run's batch size), with
        `+ - * / ^`, `sqrt`, `log`, `exp` and parentheses. A constant the problem does not know is a validation
        error. Lists are alternatives.
        ```yaml
        optimizers:
          - kind: heavy-ball
            lr: 4/(sqrt(L)+sqrt(mu))^2
            momentum: ((sqrt(kappa)-1)/(sqrt(kappa)+1))^2
          - kind: sgd
            lr: [0.5/L, 1/L, 1.9/L]
        ```

        ### `schedule`
        A learning-rate schedule driving `lr` (optimizers that have one): `kind` and its parameters
        (`gdbench list schedules`). A schedule that hands over to another (`then:`) takes that one's parameters too.
        ```yaml
        optimizers:
          - kind: sgd
            lr: 0.1
            schedule:
              kind: cosine
              t-max: 1000
        ```

        ### `only-on`
        A glob or a list of globs over problem ids: the entry runs only on matching problems.
        ```yaml
        optimizers:
          - kind: newton
            only-on: "quadratic*"
        ```

        ### nested method hyperparameters (`ROLE.KEY`)
        Methods that run other methods (`switch`: `first`, `second`; `random-restarts`: `inner`) take the
        hyperparameters of the methods they name as `ROLE.KEY`.
        ```yaml
        optimizers:
          - kind: switch
            first: adam
            second: lbfgs
            first.lr: 0.01
        ```

        ## What validation refuses
        Unknown keys and kinds (with the nearest valid name), wrong types, values out of range, NaN and
        infinities, empty lists, expressions over unknown constants or dividing by zero, include cycles, grids of
        more than 10⁶ runs (unless `--force`), and optimizer–problem pairs that cannot work: a method whose
        defaults need L or μ on a problem that does not know them, a quadratic-only method on a non-quadratic,
        a method that needs Hessians on a problem without them.
        """#
}
