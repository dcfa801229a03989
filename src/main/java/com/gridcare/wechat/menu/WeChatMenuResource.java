package com.gridcare.wechat.menu;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.staff.StaffRole;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/wechat/{appid}/menu")
@RolesAllowed(StaffRole.ADMIN_GROUP)
@SecurityRequirement(name = "bearer")
@Tag(name = "WeChat", description = "Operating the WeChat official accounts")
public class WeChatMenuResource {

    private final WeChatMenus menus;

    public WeChatMenuResource(WeChatMenus menus) {
        this.menus = menus;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish the account's custom menu (administrators)",
            description = "Publishes the menu bundled with this version of gridcare, or the menu in the body (WeChat's "
                    + "menu JSON, optionally with a version). The menu is checked against WeChat's limits first: at "
                    + "most 3 top buttons of 5 sub-buttons, names of at most 16 (top) and 60 (sub) bytes, keys of at "
                    + "most 128 bytes.")
    @APIResponse(responseCode = "200", description = "Published; followers see it within minutes")
    @APIResponse(responseCode = "400", description = "The menu breaks WeChat's limits or is not JSON")
    @APIResponse(responseCode = "404", description = "No such official account")
    @APIResponse(responseCode = "502", description = "WeChat refused the menu")
    public Uni<WeChatMenus.MenuPublication> publish(@PathParam("appid") String appid,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT,
                            description = "WeChat's menu JSON ({\"button\": [...]}), optionally with \"version\""))) String menu) {
        return menus.publish(appid, menu);
    }
}
