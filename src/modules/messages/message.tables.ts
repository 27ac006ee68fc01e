/** Tables of the message centre. */
export interface MessageTables {}
