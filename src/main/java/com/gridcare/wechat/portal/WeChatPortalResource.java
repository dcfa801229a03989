package com.gridcare.wechat.portal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

/**
 * The URL entered as "服务器地址" in each official account's server configuration. Left out of the API spec: its only
 * caller is WeChat, its contract is Tencent's (signed query, XML body, "success" replies), and no client of ours
 * should call it.
 */
@Path("/wechat/portal/{appid}")
public class WeChatPortalResource {

    private final WeChatPortal portal;

    public WeChatPortalResource(WeChatPortal portal) {
        this.portal = portal;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String verify(@PathParam("appid") String appid, @QueryParam("signature") String signature,
            @QueryParam("timestamp") String timestamp, @QueryParam("nonce") String nonce,
            @QueryParam("echostr") String echostr) {
        return portal.verify(appid, signature, timestamp, nonce, echostr);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Uni<Response> receive(@PathParam("appid") String appid, @QueryParam("signature") String signature,
            @QueryParam("timestamp") String timestamp, @QueryParam("nonce") String nonce,
            @QueryParam("encrypt_type") String encryptType, @QueryParam("msg_signature") String msgSignature,
            byte[] body) {
        WeChatPortal.Signed signed = new WeChatPortal.Signed(signature, timestamp, nonce, encryptType, msgSignature);
        return portal.receive(appid, signed, body == null ? new byte[0] : body)
                .map(reply -> Response.ok(reply.body(), reply.mediaType() + ";charset=UTF-8").build());
    }
}
