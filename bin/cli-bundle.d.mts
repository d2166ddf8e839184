// Types of cli-bundle.mjs (plain JavaScript, so that bin/ogonek.js can import it before anything is compiled).

/** The repository (or installed package) root. */
export declare const ROOT: string;

/** Whether dist-cli holds a bundle of the current sources, and the file to import when it does. */
export type BundleState = { state: 'fresh'; entry: string } | { state: 'missing' | 'stale'; reason: string };

export declare function bundleState(root?: string): BundleState;

/** Bundles the CLI into dist-cli/<id>/, makes it current, and returns the entry to import. */
export declare function buildBundle(root?: string): Promise<string>;

/** The entry's URL, for import(). */
export declare function entryUrl(entry: string): string;
