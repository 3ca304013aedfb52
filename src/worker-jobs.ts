// Worker threads that take jobs by message and answer each one: the font subsetting thread and the
// results' counting threads. A worker answers its jobs one at a time, in the order they came, each
// with the job's id; `null` ends it. A thread that fails (an error, an exit) rejects every job still
// waiting and every later one.
import { parentPort, type TransferListItem, Worker } from "node:worker_threads";

type JobMessage<J> = { id: number; job: J } | null;
type AnswerMessage<A> = { id: number; answer: A } | { id: number; error: string };

/** The error of a job whose thread stopped before it answered. */
export class ThreadStopped extends Error {}

export interface JobThread<J, A> {
  /** `job`'s answer; a failed job rejects with the worker's message. */
  run(job: J, transfer?: readonly TransferListItem[]): Promise<A>;
  /** True once the thread has failed or ended: a caller that keeps one starts another. */
  readonly stopped: boolean;
  /** Ends the thread once the jobs sent so far are answered; resolves when it has stopped. */
  end(): Promise<void>;
}

export interface JobThreadOptions {
  /** What the thread is, in its failure: "the font subsetting thread". */
  name: string;
  workerData?: unknown;
  /** Hold the process open only while a job waits: for a thread left to end with the process. */
  unrefWhenIdle?: boolean;
}

export function startJobThread<J, A>(file: string, options: JobThreadOptions): JobThread<J, A> {
  const thread = new Worker(file, { workerData: options.workerData });
  const waiting = new Map<number, { resolve: (answer: A) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let stopped: Error | undefined;
  const idle = () => options.unrefWhenIdle && waiting.size === 0 && thread.unref();
  const failAll = (error: Error) => {
    stopped ??= error;
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };
  thread.on("message", (message: AnswerMessage<A>) => {
    const job = waiting.get(message.id);
    waiting.delete(message.id);
    if ("error" in message) job?.reject(new Error(message.error));
    else job?.resolve(message.answer);
    idle();
  });
  thread.on("error", (error) => failAll(new ThreadStopped(`${options.name} failed: ${error.message}`, { cause: error })));
  const exited = new Promise<void>((resolve) =>
    thread.once("exit", (code) => {
      failAll(new ThreadStopped(`${options.name} stopped (exit code ${code})`));
      resolve();
    }),
  );
  idle();
  return {
    run(job, transfer = []) {
      if (stopped) return Promise.reject(stopped);
      const id = nextId++;
      if (options.unrefWhenIdle) thread.ref();
      return new Promise<A>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        thread.postMessage({ id, job } satisfies JobMessage<J>, transfer);
      });
    },
    get stopped() {
      return stopped !== undefined;
    },
    async end() {
      if (!stopped) {
        // Later jobs are refused; those sent so far are still answered.
        stopped = new ThreadStopped(`${options.name} was closed`);
        thread.postMessage(null satisfies JobMessage<J>);
      }
      await exited;
    },
  };
}

/**
 * The worker's side: answers each job with what `work` makes of it, one job at a time, in order.
 * `transferOf` names the parts of an answer to hand over rather than copy; `end` runs before the
 * thread ends.
 */
export function answerJobs<J, A>(work: (job: J) => Promise<A>, options: { transferOf?: (answer: A) => TransferListItem[]; end?: () => Promise<void> } = {}): void {
  let queue = Promise.resolve();
  parentPort!.on("message", (message: JobMessage<J>) => {
    queue = queue.then(async () => {
      if (message === null) {
        await options.end?.();
        parentPort!.close();
        return;
      }
      try {
        const answer = await work(message.job);
        parentPort!.postMessage({ id: message.id, answer } satisfies AnswerMessage<A>, options.transferOf?.(answer) ?? []);
      } catch (error) {
        parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies AnswerMessage<A>);
      }
    });
  });
}
