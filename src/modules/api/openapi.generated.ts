/** Generated from GET /api/openapi.json by scripts/api-types.ts: do not edit. */
export interface paths {
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a device in: a bearer token for a client account
         * @description The same credentials and throttling as the sign-in page. Staff accounts get no token (403).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The e-mail address of a client account. */
                        email: string;
                        password: string;
                        /** @description Shown to the person under « Appareils connectés »; the User-Agent when absent. */
                        deviceName?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Token"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign this device out: revokes the token of the request */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in client, with their agent’s contact */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client’s appointments of one tab, in pages */
        get: {
            parameters: {
                query?: {
                    /** @description « Planifié » (scheduled, not ended) or « Terminé » (attended, cancelled, no-show or past). */
                    status?: "planifie" | "termine";
                    limit?: number;
                    /** @description `nextCursor` of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppointmentPage"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One appointment, with the agent’s contact */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppointmentDetail"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The appointment as an iCalendar file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/calendar */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": string;
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cancellation-reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reasons a client may give when cancelling */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CancellationReason"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{id}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a planned, future appointment, with a reason
         * @description Answers with the guide’s message: a new appointment will be proposed within two business days. A second cancellation is refused with 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reasonCode: string;
                        comment?: string;
                        /** @description « Vos disponibilités » (optional): when the client could meet instead, for the agent who proposes the next appointment. */
                        availability?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cancellation"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plan: domains with their actions, or the "not yet created" state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One action, with its notes; the ETag is its version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Action"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * « J’ai terminé »: mark the action done or to do
         * @description Needs `If-Match` with the action’s ETag: 428 without it, 412 when the action changed since. Setting the status it already has changes nothing.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the action, as last read (required). */
                    "if-match"?: string;
                };
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description true: « J’ai terminé »; false: back to « À faire ». */
                        done: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActionSummary"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The notes of the agent for the client (« Notes de mon agente ou de mon agent ») */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Note"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The message centre, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["MessageSummary"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message (does not mark it read) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a message read (idempotent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/conversation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The conversation a message belongs to, oldest first (does not mark it read) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Conversation"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reply in the conversation of a message; the reply goes to the client’s agent
         * @description Refused with 409 (MESSAGE.NO_AGENT) while no agent is assigned to the client. The same key twice gives the same reply.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReplyInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Conversation"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details, in the language of Accept-Language (French by default). */
        ProblemInput: {
            /** @description A URI reference naming the kind of problem (links to /api/docs). */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description A stable code, e.g. APPOINTMENT.NOT_FOUND. */
            code: string;
            /** @description The invalid fields of a 422. */
            errors?: {
                field: string;
                /** @description JSON pointer into the request body or query */
                pointer: string;
                detail: string;
            }[];
        };
        TokenInput: {
            /** @description Send it as `Authorization: Bearer <token>`. Shown once: only its hash is kept. */
            token: string;
            /** @constant */
            tokenType: "Bearer";
            /** Format: date-time */
            expiresAt: string;
        };
        AgentContactInput: {
            name: string;
            email: string;
            phone: string | null;
        };
        MeInput: {
            id: number;
            name: string;
            email: string;
            phone: string | null;
            /** @enum {string} */
            locale: "fr" | "en";
            timeZone: string;
            fileNumber: string;
            /** @description « Mon agente ou mon agent d’aide à l’intégration » */
            agent: components["schemas"]["AgentContactInput"] | null;
            unreadMessages: number;
            /** Format: date-time */
            tokenExpiresAt: string;
        };
        AppointmentInput: {
            id: number;
            /**
             * @description `evaluation`: the first needs assessment; `suivi`: a follow-up.
             * @enum {string}
             */
            kind: "evaluation" | "suivi";
            /** @enum {string} */
            status: "planifie" | "termine" | "absent" | "annule";
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** @enum {string} */
            mode: "telephone" | "visioconference" | "en_personne";
            phoneNumber: string | null;
            videoLink: string | null;
            address: string | null;
            canCancel: boolean;
            cancellation: {
                reasonCode: string;
                reasonLabel: string | null;
                comment: string | null;
                /** @description « Vos disponibilités »: when the client could meet instead, as they gave it. */
                availability: string | null;
                cancelledAt: string | null;
            } | null;
            /** @description Why the agent last changed it. */
            changeNote: string | null;
            version: number;
        };
        AppointmentDetailInput: {
            id: number;
            /**
             * @description `evaluation`: the first needs assessment; `suivi`: a follow-up.
             * @enum {string}
             */
            kind: "evaluation" | "suivi";
            /** @enum {string} */
            status: "planifie" | "termine" | "absent" | "annule";
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** @enum {string} */
            mode: "telephone" | "visioconference" | "en_personne";
            phoneNumber: string | null;
            videoLink: string | null;
            address: string | null;
            canCancel: boolean;
            cancellation: {
                reasonCode: string;
                reasonLabel: string | null;
                comment: string | null;
                /** @description « Vos disponibilités »: when the client could meet instead, as they gave it. */
                availability: string | null;
                cancelledAt: string | null;
            } | null;
            /** @description Why the agent last changed it. */
            changeNote: string | null;
            version: number;
            agent: {
                name: string;
                email: string;
                phone: string | null;
            } | null;
            /** @description The iCalendar file of this appointment. */
            calendarUrl: string;
        };
        CancellationReasonInput: {
            code: string;
            label: string;
        };
        MessageSummaryInput: {
            id: number;
            /** @description The conversation’s first message (this one’s id when it opens one): GET /messages/{id}/conversation. */
            conversationId: number;
            subject: string;
            createdAt: string;
            readAt: string | null;
        };
        MessageInput: {
            id: number;
            /** @description The conversation’s first message (this one’s id when it opens one): GET /messages/{id}/conversation. */
            conversationId: number;
            subject: string;
            createdAt: string;
            readAt: string | null;
            body: string;
        };
        ConversationEntryInput: {
            /**
             * @description A message to the client, or the client’s reply.
             * @enum {string}
             */
            kind: "message" | "reply";
            id: number;
            at: string;
            /** @description Who wrote it: the staff member’s name; null for the service’s automatic messages and for the client’s own replies. */
            author: string | null;
            body: string;
            /** @description A message: when the client opened it. A reply: when staff read it. */
            readAt: string | null;
        };
        ConversationInput: {
            /** @description The conversation’s first message. */
            id: number;
            subject: string;
            entries: components["schemas"]["ConversationEntryInput"][];
        };
        ReplyInputInput: {
            /** @description The reply, at most 2000 characters once trimmed. */
            body: string;
            /** @description Chosen by the app once per reply (16 to 64 letters, digits, _ or -): sending the same key again writes nothing more. */
            key: string;
        };
        ActionSummaryInput: {
            id: number;
            /** @enum {string} */
            domain: "INSTALLATION" | "VIE_COLLECTIVE" | "FRANCISATION" | "EMPLOI" | "DEMARCHE_IMMIGRATION";
            title: string;
            /**
             * @description « À faire » or « Complétées ».
             * @enum {string}
             */
            status: "a_faire" | "completee";
            /** @description « Date de fin » planned by the agent (YYYY-MM-DD). */
            dueOn: string | null;
            /** @description The Québec date the client marked it done (YYYY-MM-DD). */
            completedOn: string | null;
            version: number;
        };
        NoteInput: {
            id: number;
            actionId: number | null;
            body: string;
            /** @enum {string} */
            lang: "fr" | "en";
            createdAt: string;
            updatedAt: string | null;
        };
        ActionInput: {
            id: number;
            /** @enum {string} */
            domain: "INSTALLATION" | "VIE_COLLECTIVE" | "FRANCISATION" | "EMPLOI" | "DEMARCHE_IMMIGRATION";
            title: string;
            /**
             * @description « À faire » or « Complétées ».
             * @enum {string}
             */
            status: "a_faire" | "completee";
            /** @description « Date de fin » planned by the agent (YYYY-MM-DD). */
            dueOn: string | null;
            /** @description The Québec date the client marked it done (YYYY-MM-DD). */
            completedOn: string | null;
            version: number;
            description: string;
            /** @description « Informations utiles »: text with links; empty when none. */
            usefulInfo: string;
            /**
             * @description The language the agent wrote in.
             * @enum {string}
             */
            lang: "fr" | "en";
            notes: components["schemas"]["NoteInput"][];
        };
        PlanInput: {
            /** @constant */
            state: "notCreated";
            /** @description The planned needs assessment, when there is one. */
            plannedAssessment: {
                appointmentId: number;
                startsAt: string;
                endsAt: string;
            } | null;
        } | {
            /** @constant */
            state: "published";
            agent: {
                name: string;
                email: string;
                phone: string | null;
            } | null;
            domains: {
                /** @enum {string} */
                code: "INSTALLATION" | "VIE_COLLECTIVE" | "FRANCISATION" | "EMPLOI" | "DEMARCHE_IMMIGRATION";
                label: string;
                done: number;
                total: number;
                actions: components["schemas"]["ActionSummaryInput"][];
            }[];
        };
        AppointmentPageInput: {
            items: components["schemas"]["AppointmentInput"][];
            nextCursor: string | null;
        };
        CancellationInput: {
            appointment: components["schemas"]["AppointmentInput"];
            message: string;
        };
        /** @description RFC 9457 problem details, in the language of Accept-Language (French by default). */
        Problem: {
            /** @description A URI reference naming the kind of problem (links to /api/docs). */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description A stable code, e.g. APPOINTMENT.NOT_FOUND. */
            code: string;
            /** @description The invalid fields of a 422. */
            errors?: {
                field: string;
                /** @description JSON pointer into the request body or query */
                pointer: string;
                detail: string;
            }[];
        };
        Token: {
            /** @description Send it as `Authorization: Bearer <token>`. Shown once: only its hash is kept. */
            token: string;
            /** @constant */
            tokenType: "Bearer";
            /** Format: date-time */
            expiresAt: string;
        };
        AgentContact: {
            name: string;
            email: string;
            phone: string | null;
        };
        Me: {
            id: number;
            name: string;
            email: string;
            phone: string | null;
            /** @enum {string} */
            locale: "fr" | "en";
            timeZone: string;
            fileNumber: string;
            /** @description « Mon agente ou mon agent d’aide à l’intégration » */
            agent: components["schemas"]["AgentContact"] | null;
            unreadMessages: number;
            /** Format: date-time */
            tokenExpiresAt: string;
        };
        Appointment: {
            id: number;
            /**
             * @description `evaluation`: the first needs assessment; `suivi`: a follow-up.
             * @enum {string}
             */
            kind: "evaluation" | "suivi";
            /** @enum {string} */
            status: "planifie" | "termine" | "absent" | "annule";
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** @enum {string} */
            mode: "telephone" | "visioconference" | "en_personne";
            phoneNumber: string | null;
            videoLink: string | null;
            address: string | null;
            canCancel: boolean;
            cancellation: {
                reasonCode: string;
                reasonLabel: string | null;
                comment: string | null;
                /** @description « Vos disponibilités »: when the client could meet instead, as they gave it. */
                availability: string | null;
                cancelledAt: string | null;
            } | null;
            /** @description Why the agent last changed it. */
            changeNote: string | null;
            version: number;
        };
        AppointmentDetail: {
            id: number;
            /**
             * @description `evaluation`: the first needs assessment; `suivi`: a follow-up.
             * @enum {string}
             */
            kind: "evaluation" | "suivi";
            /** @enum {string} */
            status: "planifie" | "termine" | "absent" | "annule";
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** @enum {string} */
            mode: "telephone" | "visioconference" | "en_personne";
            phoneNumber: string | null;
            videoLink: string | null;
            address: string | null;
            canCancel: boolean;
            cancellation: {
                reasonCode: string;
                reasonLabel: string | null;
                comment: string | null;
                /** @description « Vos disponibilités »: when the client could meet instead, as they gave it. */
                availability: string | null;
                cancelledAt: string | null;
            } | null;
            /** @description Why the agent last changed it. */
            changeNote: string | null;
            version: number;
            agent: {
                name: string;
                email: string;
                phone: string | null;
            } | null;
            /** @description The iCalendar file of this appointment. */
            calendarUrl: string;
        };
        CancellationReason: {
            code: string;
            label: string;
        };
        MessageSummary: {
            id: number;
            /** @description The conversation’s first message (this one’s id when it opens one): GET /messages/{id}/conversation. */
            conversationId: number;
            subject: string;
            createdAt: string;
            readAt: string | null;
        };
        Message: {
            id: number;
            /** @description The conversation’s first message (this one’s id when it opens one): GET /messages/{id}/conversation. */
            conversationId: number;
            subject: string;
            createdAt: string;
            readAt: string | null;
            body: string;
        };
        ConversationEntry: {
            /**
             * @description A message to the client, or the client’s reply.
             * @enum {string}
             */
            kind: "message" | "reply";
            id: number;
            at: string;
            /** @description Who wrote it: the staff member’s name; null for the service’s automatic messages and for the client’s own replies. */
            author: string | null;
            body: string;
            /** @description A message: when the client opened it. A reply: when staff read it. */
            readAt: string | null;
        };
        Conversation: {
            /** @description The conversation’s first message. */
            id: number;
            subject: string;
            entries: components["schemas"]["ConversationEntry"][];
        };
        ReplyInput: {
            /** @description The reply, at most 2000 characters once trimmed. */
            body: string;
            /** @description Chosen by the app once per reply (16 to 64 letters, digits, _ or -): sending the same key again writes nothing more. */
            key: string;
        };
        ActionSummary: {
            id: number;
            /** @enum {string} */
            domain: "INSTALLATION" | "VIE_COLLECTIVE" | "FRANCISATION" | "EMPLOI" | "DEMARCHE_IMMIGRATION";
            title: string;
            /**
             * @description « À faire » or « Complétées ».
             * @enum {string}
             */
            status: "a_faire" | "completee";
            /** @description « Date de fin » planned by the agent (YYYY-MM-DD). */
            dueOn: string | null;
            /** @description The Québec date the client marked it done (YYYY-MM-DD). */
            completedOn: string | null;
            version: number;
        };
        Note: {
            id: number;
            actionId: number | null;
            body: string;
            /** @enum {string} */
            lang: "fr" | "en";
            createdAt: string;
            updatedAt: string | null;
        };
        Action: {
            id: number;
            /** @enum {string} */
            domain: "INSTALLATION" | "VIE_COLLECTIVE" | "FRANCISATION" | "EMPLOI" | "DEMARCHE_IMMIGRATION";
            title: string;
            /**
             * @description « À faire » or « Complétées ».
             * @enum {string}
             */
            status: "a_faire" | "completee";
            /** @description « Date de fin » planned by the agent (YYYY-MM-DD). */
            dueOn: string | null;
            /** @description The Québec date the client marked it done (YYYY-MM-DD). */
            completedOn: string | null;
            version: number;
            description: string;
            /** @description « Informations utiles »: text with links; empty when none. */
            usefulInfo: string;
            /**
             * @description The language the agent wrote in.
             * @enum {string}
             */
            lang: "fr" | "en";
            notes: components["schemas"]["Note"][];
        };
        Plan: {
            /** @constant */
            state: "notCreated";
            /** @description The planned needs assessment, when there is one. */
            plannedAssessment: {
                appointmentId: number;
                startsAt: string;
                endsAt: string;
            } | null;
        } | {
            /** @constant */
            state: "published";
            agent: {
                name: string;
                email: string;
                phone: string | null;
            } | null;
            domains: {
                /** @enum {string} */
                code: "INSTALLATION" | "VIE_COLLECTIVE" | "FRANCISATION" | "EMPLOI" | "DEMARCHE_IMMIGRATION";
                label: string;
                done: number;
                total: number;
                actions: components["schemas"]["ActionSummary"][];
            }[];
        };
        AppointmentPage: {
            items: components["schemas"]["Appointment"][];
            nextCursor: string | null;
        };
        Cancellation: {
            appointment: components["schemas"]["Appointment"];
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
