export declare const webDir: string;
export declare function webIsStale(): boolean;
export declare function buildWeb(opts?: { log?: (msg: string) => void }): Promise<void>;
export declare function ensureWeb(opts?: { log?: (msg: string) => void }): Promise<void>;
