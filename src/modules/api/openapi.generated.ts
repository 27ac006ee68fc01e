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
         * @description The same credentials and throttling as the sign-in page. Staff accounts get no token, nor does an account whose e-mail address is not yet confirmed (403).
         */
        post: operations["createToken"];
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
        delete: operations["revokeCurrentToken"];
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
        get: operations["getMe"];
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
        get: operations["listAppointments"];
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
        get: operations["getAppointment"];
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
        get: operations["getAppointmentCalendar"];
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
        get: operations["listCancellationReasons"];
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
         * @description Answers with the guide’s message: a new appointment will be proposed within two business days, followed, as on the confirmation page, by the date this means (`newProposalBy`, written out in the language of Accept-Language, Québec time). A second cancellation is refused with 409.
         */
        post: operations["cancelAppointment"];
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
        get: operations["getPlan"];
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
        get: operations["getAction"];
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
        put: operations["setActionStatus"];
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
        get: operations["listNotes"];
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
        get: operations["listMessages"];
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
        get: operations["getMessage"];
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
        post: operations["markMessageRead"];
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
        get: operations["getConversation"];
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
        post: operations["replyToMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** « Mes orientations »: the client’s referrals to partner organizations, newest first */
        get: operations["listReferrals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One referral; the ETag is its version */
        get: operations["getReferral"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * « Consentir au partage »: consent to share exactly the fields and purpose read; the referral is then sent
         * @description Needs `If-Match` with the referral’s ETag (the consent is to what was read): 428 without it, 412 when it changed since; 409 when it no longer awaits consent.
         */
        post: operations["consentToReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/refusal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * « Refuser »: refuse to share; nothing is ever sent for this referral
         * @description Needs `If-Match` with the referral’s ETag: 428 without it, 412 when it changed since; 409 when it no longer awaits consent.
         */
        post: operations["refuseReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * « Retirer mon consentement »: the organization’s access ends at once
         * @description Allowed while the referral is sent or accepted; what was already shared stays on record. 409 otherwise.
         */
        post: operations["withdrawReferralConsent"];
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
        ReplyInput: {
            /** @description The reply, at most 2000 characters once trimmed. */
            body: string;
            /** @description Chosen by the app once per reply (16 to 64 letters, digits, _ or -): sending the same key again writes nothing more. */
            key: string;
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
            /** @description « Accord en français » (« Mes informations »): how French text agrees with the client (« Absente », « Absent »); null: épicène wording (« Absence ») */
            grammaticalGender: ("feminine" | "masculine") | null;
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
            /** @description « À terminer d'ici le »: the date the agent set for it to be done by (YYYY-MM-DD), shown to the client; null when none. Past it while `a_faire`, the action is « En retard ». */
            dueOn: string | null;
            /** @description « Date de fin » (guide 3.3): the Québec date the action was marked done (YYYY-MM-DD); null while to do. */
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
            /** @description « À terminer d'ici le »: the date the agent set for it to be done by (YYYY-MM-DD), shown to the client; null when none. Past it while `a_faire`, the action is « En retard ». */
            dueOn: string | null;
            /** @description « Date de fin » (guide 3.3): the Québec date the action was marked done (YYYY-MM-DD); null while to do. */
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
        Referral: {
            id: number;
            /** @description The partner organization and how to reach it. */
            organization: {
                name: string;
                email: string;
                phone: string | null;
                address: string | null;
            };
            /**
             * @description `attente_consentement` « En attente de votre consentement », `consentement_refuse`, `envoyee` « Envoyée », `acceptee` « Acceptée », `refusee` « Refusée » (by the organization), `terminee` « Terminée », `retiree` (consent withdrawn).
             * @enum {string}
             */
            status: "attente_consentement" | "consentement_refuse" | "envoyee" | "acceptee" | "refusee" | "terminee" | "retiree";
            /** @description The status in the language of Accept-Language. */
            statusLabel: string;
            /** @description Why, in the agent’s sentence: the purpose the consent is for. */
            purpose: string;
            /** @description The plan action it was made from, if any. */
            planAction: {
                id: number;
                title: string;
            } | null;
            /** @description Exactly what is shared (or would be) with the organization, nothing else. */
            fields: {
                /** @enum {string} */
                field: "nom" | "coordonnees" | "langues" | "interprete" | "action" | "note";
                label: string;
            }[];
            /** @description Each field with its value: what would be shared while awaiting consent, what was shared once sent (written once, at sending); empty after a refusal of consent. */
            values: {
                /** @enum {string} */
                field: "nom" | "coordonnees" | "langues" | "interprete" | "action" | "note";
                label: string;
                value: string;
            }[];
            consent: {
                at: string;
                /**
                 * @description `portail`: given by the client; `verbal`: recorded by the agent.
                 * @enum {string}
                 */
                how: "portail" | "verbal";
                /** @description How a verbal consent was obtained. */
                note: string | null;
            } | null;
            sentAt: string | null;
            withdrawnAt: string | null;
            /** @description When the organization accepted or refused. */
            answeredAt: string | null;
            /** @description The organization’s reason when it refused. */
            refusalReason: string | null;
            /** @description What the organization reported once done. */
            result: {
                /** @enum {string} */
                result: "service_rendu" | "service_non_rendu";
                on: string | null;
            } | null;
            createdAt: string;
            /** @description Moves with every change; the ETag and If-Match carry it. */
            version: number;
        };
        AppointmentPage: {
            items: components["schemas"]["Appointment"][];
            nextCursor: string | null;
        };
        Cancellation: {
            appointment: components["schemas"]["Appointment"];
            /** @description The message to show: the guide’s, then the date by which a new appointment will be proposed. */
            message: string;
            /** @description The moment by which the agent will propose a new appointment at the latest (the re-proposal’s deadline on the business calendar, the one the pages show); null when none is awaited. */
            newProposalBy: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createToken: {
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
            /** @description The device is signed in: its bearer token, valid 30 days. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description Wrong e-mail or password (AUTH.INVALID_CREDENTIALS). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A staff account: staff get no API token (AUTH.STAFF_NO_TOKEN); or an account whose e-mail address is not yet confirmed: follow the link mailed at sign-up first (AUTH.EMAIL_NOT_CONFIRMED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request: `errors` lists each invalid field with a JSON pointer and a message. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many sign-in attempts for this account or address (AUTH.THROTTLED), or too many requests; wait for `Retry-After` seconds. */
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
    revokeCurrentToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token is revoked: the device is signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in client: details, file number, agent and unread messages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    listAppointments: {
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
            /** @description One page of the tab’s appointments; `nextCursor` fetches the next one (null on the last). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentPage"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An invalid query: an unknown status, a limit out of 1–50, or a cursor not of this tab. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    getAppointment: {
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
            /** @description The appointment, with its agent’s contact and the link to its calendar file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentDetail"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    getAppointmentCalendar: {
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
            /** @description The appointment as an iCalendar (.ics) attachment, with an alarm an hour before. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    listCancellationReasons: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancellation reasons in use, labelled in the language of Accept-Language. */
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
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    cancelAppointment: {
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
            /** @description Cancelled: the appointment as it is now, and the message saying when a new one will be proposed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cancellation"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The appointment can no longer be cancelled: already cancelled, attended, past or changed meanwhile (APPOINTMENT.CANNOT_CANCEL). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown reason, or a comment or availability too long. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    getPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The published plan by domain with its actions, or `notCreated` with the planned needs assessment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    getAction: {
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
            /** @description The action with its notes; the `ETag` header is what `If-Match` needs to change its status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    setActionStatus: {
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
            /** @description The action with its new status; the `ETag` header is its new version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionSummary"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: the resource changed since the `If-Match` ETag was read; the answer carries the current ETag. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request: `errors` lists each invalid field with a JSON pointer and a message. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition required: send `If-Match` with the ETag last read. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    listNotes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agent’s notes to the client; none before the plan is published. */
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
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    listMessages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The client’s messages, newest first, each with when it was read (null: unread). */
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
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    getMessage: {
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
            /** @description The message with its body, unchanged: reading it here is no read receipt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    markMessageRead: {
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
            /** @description The message, read: `readAt` is when it was first marked read. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    getConversation: {
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
            /** @description The conversation: its messages and the client’s replies, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    replyToMessage: {
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
                "application/json": components["schemas"]["ReplyInput"];
            };
        };
        responses: {
            /** @description The reply is sent (or was, with this key): the conversation with it, oldest first. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No agent is assigned to the client yet (MESSAGE.NO_AGENT). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An empty reply, or one over 2 000 characters, or an invalid key. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    listReferrals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each referral with its organization, status, purpose, the fields shared and their values, and the consent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Referral"][];
                    };
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    getReferral: {
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
            /** @description The referral; the `ETag` header is what `If-Match` needs to consent or refuse. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Referral"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    consentToReferral: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the referral, as last read (required): the consent is to exactly what was read. */
                "if-match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sent to the organization: the referral as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Referral"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description It no longer awaits consent (REFERRAL.STATE_CHANGED). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: the resource changed since the `If-Match` ETag was read; the answer carries the current ETag. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition required: send `If-Match` with the ETag last read. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    refuseReferral: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the referral, as last read (required): the consent is to exactly what was read. */
                "if-match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: the referral as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Referral"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description It no longer awaits consent (REFERRAL.STATE_CHANGED). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: the resource changed since the `If-Match` ETag was read; the answer carries the current ETag. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition required: send `If-Match` with the ETag last read. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
    withdrawReferralConsent: {
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
            /** @description Withdrawn: the referral as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Referral"];
                };
            };
            /** @description No valid bearer token (missing, expired or revoked); the answer carries `WWW-Authenticate: Bearer`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden for this account: its e-mail address is not confirmed yet (AUTH.EMAIL_NOT_CONFIRMED); the link mailed at sign-up confirms it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource for this client (someone else’s id, or a malformed one, is not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing to withdraw: not sent, already withdrawn, refused or finished (REFERRAL.STATE_CHANGED). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: 120 a minute per token (per address before sign-in); wait for `Retry-After` seconds. */
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
}

/** Each operation's method and path, by operationId. */
export const operationRoutes = {
    createToken: { method: 'post', path: '/api/v1/tokens' },
    revokeCurrentToken: { method: 'delete', path: '/api/v1/tokens/current' },
    getMe: { method: 'get', path: '/api/v1/me' },
    listAppointments: { method: 'get', path: '/api/v1/appointments' },
    getAppointment: { method: 'get', path: '/api/v1/appointments/{id}' },
    getAppointmentCalendar: { method: 'get', path: '/api/v1/appointments/{id}/calendar.ics' },
    listCancellationReasons: { method: 'get', path: '/api/v1/cancellation-reasons' },
    cancelAppointment: { method: 'post', path: '/api/v1/appointments/{id}/cancellation' },
    getPlan: { method: 'get', path: '/api/v1/plan' },
    getAction: { method: 'get', path: '/api/v1/actions/{id}' },
    setActionStatus: { method: 'put', path: '/api/v1/actions/{id}/status' },
    listNotes: { method: 'get', path: '/api/v1/notes' },
    listMessages: { method: 'get', path: '/api/v1/messages' },
    getMessage: { method: 'get', path: '/api/v1/messages/{id}' },
    markMessageRead: { method: 'post', path: '/api/v1/messages/{id}/read' },
    getConversation: { method: 'get', path: '/api/v1/messages/{id}/conversation' },
    replyToMessage: { method: 'post', path: '/api/v1/messages/{id}/replies' },
    listReferrals: { method: 'get', path: '/api/v1/referrals' },
    getReferral: { method: 'get', path: '/api/v1/referrals/{id}' },
    consentToReferral: { method: 'post', path: '/api/v1/referrals/{id}/consent' },
    refuseReferral: { method: 'post', path: '/api/v1/referrals/{id}/refusal' },
    withdrawReferralConsent: { method: 'post', path: '/api/v1/referrals/{id}/withdrawal' },
} as const satisfies Record<keyof operations, { method: string; path: keyof paths }>;
