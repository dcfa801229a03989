/**
 * The official account's custom menu: its keys, WeChat's limits, publishing it (administrators).
 */
package com.gridcare.wechat.menu;
