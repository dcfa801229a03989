/**
 * H5 sign-in with WeChat web authorisation: an OAuth code becomes a resident session.
 */
package com.gridcare.wechat.signin;
