package io.basis.simulator.fix;

/**
 * Tags of the Basis FIX dialect (docs/fix-dialect.md) that the stock FIX 4.4 classes do not name, or that are set
 * as plain text so prices and sequence numbers go out exactly.
 */
final class FixTags
{
    /** ExchangeSendNanos: host monotonic clock when the exchange sent a W or X. */
    static final int EXCHANGE_SEND_NANOS = 21001;
    /** TriggerNanos: the ExchangeSendNanos of the market data that triggered an order. */
    static final int TRIGGER_NANOS = 21002;

    /** ProgramTradingSuspended on TradingSessionStatus: 1 buy, 2 sell, N none (sidecar). */
    static final int PROGRAM_TRADING_SUSPENDED = 21003;

    static final int ACCOUNT = 1;
    static final int CURRENCY = 15;
    static final int EXEC_INST = 18;
    static final int ORD_STATUS_REQ_ID = 790;
    static final int MASS_CANCEL_REQUEST_TYPE = 530;
    static final int MASS_CANCEL_RESPONSE = 531;
    static final int TOTAL_AFFECTED_ORDERS = 533;
    static final int MASS_ACTION_REPORT_ID = 1369;
    static final int EXEC_TRANS_TYPE = 20;
    static final int RULE_80A = 47;
    static final int USERNAME = 553;
    static final int PASSWORD = 554;
    static final int LIST_ID = 66;
    static final int LIST_SEQ_NO = 67;
    static final int TOT_NO_ORDERS = 68;
    static final int NO_ORDERS = 73;
    static final int NO_RPTS = 82;
    static final int CXL_QTY = 84;
    static final int SECURITY_TYPE = 167;
    static final int MATURITY_MONTH_YEAR = 200;
    static final int CONTRACT_MULTIPLIER = 231;
    static final int SECURITY_REQ_ID = 320;
    static final int SECURITY_REQUEST_TYPE = 321;
    static final int SECURITY_RESPONSE_ID = 322;
    static final int SECURITY_RESPONSE_TYPE = 323;
    static final int TOTAL_NUM_SECURITIES = 393;
    static final int SECURITY_STATUS_REQ_ID = 324;
    static final int UNSOLICITED_INDICATOR = 325;
    static final int SECURITY_TRADING_STATUS = 326;
    static final int TRAD_SES_REQ_ID = 335;
    static final int TRADING_SESSION_ID = 336;
    static final int TRAD_SES_STATUS = 340;
    static final int BID_TYPE = 394;
    static final int LIST_STATUS_TYPE = 429;
    static final int LIST_ORDER_STATUS = 431;
    static final int LIST_EXEC_INST_TYPE = 433;
    static final int ORDER_RESTRICTIONS = 529;
    static final int MATURITY_DATE = 541;
    static final int ROUND_LOT = 561;
    static final int TRADING_SESSION_SUB_ID = 625;
    static final int MIN_PRICE_INCREMENT = 969;
    static final int SECURITY_TRADING_EVENT = 1174;
    static final int LIST_STATUS_TEXT = 444;
    static final int LIST_REJECT_REASON = 1386;
    static final int AVG_PX = 6;
    static final int CL_ORD_ID = 11;
    static final int CUM_QTY = 14;
    static final int EXEC_ID = 17;
    static final int LAST_PX = 31;
    static final int LAST_QTY = 32;
    static final int ORDER_ID = 37;
    static final int ORDER_QTY = 38;
    static final int ORD_STATUS = 39;
    static final int ORD_TYPE = 40;
    static final int ORIG_CL_ORD_ID = 41;
    static final int PRICE = 44;
    static final int SIDE = 54;
    static final int SYMBOL = 55;
    static final int TEXT = 58;
    static final int TIME_IN_FORCE = 59;
    static final int TRANSACT_TIME = 60;
    static final int RPT_SEQ = 83;
    static final int CXL_REJ_REASON = 102;
    static final int ORD_REJ_REASON = 103;
    static final int EXEC_TYPE = 150;
    static final int LEAVES_QTY = 151;
    static final int MD_REQ_ID = 262;
    static final int SUBSCRIPTION_REQUEST_TYPE = 263;
    static final int MARKET_DEPTH = 264;
    static final int NO_MD_ENTRIES = 268;
    static final int MD_ENTRY_TYPE = 269;
    static final int MD_ENTRY_PX = 270;
    static final int MD_ENTRY_SIZE = 271;
    static final int MD_UPDATE_ACTION = 279;
    static final int MD_REQ_REJ_REASON = 281;
    static final int MD_ENTRY_POSITION_NO = 290;
    static final int CXL_REJ_RESPONSE_TO = 434;
    static final int NO_RELATED_SYM = 146;

    private FixTags()
    {
    }
}
